namespace ServerlessHub.Hubs;

/// <summary>A digest of a report kind, rendered from a template and posted on a weekly schedule.</summary>
/// <param name="Id">The digest's id, unique in the hub.</param>
/// <param name="Template">The name of the Scriban template in <c>templates/</c>.</param>
/// <param name="ChannelIds">Where it is posted, at least one channel.</param>
/// <param name="Schedule">When it is posted.</param>
public sealed record Digest(string Id, string Template, IReadOnlyList<string> ChannelIds, DigestSchedule Schedule);

/// <summary>A weekly moment in the hub's time zone, e.g. Monday 09:00.</summary>
/// <param name="Day">The day of the week.</param>
/// <param name="Time">The local time.</param>
public sealed record DigestSchedule(DayOfWeek Day, TimeOnly Time);

namespace ServerlessHub.Hubs;

/// <summary>A digest of a report kind, rendered from a template and posted on a weekly schedule.</summary>
/// <param name="Id">The digest's id, unique in the hub.</param>
/// <param name="Template">The template's name: one of the hub's own templates, or a built-in one in <c>templates/digests/</c>.</param>
/// <param name="ChannelIds">Where it is posted, at least one channel.</param>
/// <param name="Schedule">When it is posted.</param>
/// <param name="HighlightsFieldId">The text field quoted as each unit's highlight (亮点); null for none.</param>
/// <param name="ProblemsFieldId">The text field listed as the problems raised (问题清单); null for none.</param>
public sealed record Digest(string Id, string Template, IReadOnlyList<string> ChannelIds, DigestSchedule Schedule, string? HighlightsFieldId = null, string? ProblemsFieldId = null);

/// <summary>What a digest does when its weekday is a day off on the hub's calendar.</summary>
public enum DaysOffRule
{
    /// <summary>It waits for the next working day, same time (the default: leaders are not paged on holidays).</summary>
    NextWorkingDay,
    /// <summary>It is posted anyway.</summary>
    Post,
}

/// <summary>A weekly moment in the hub's time zone, e.g. Monday 09:00.</summary>
/// <param name="Day">The day of the week.</param>
/// <param name="Time">The local time.</param>
/// <param name="OnDaysOff">What happens when that day is a day off.</param>
public sealed record DigestSchedule(DayOfWeek Day, TimeOnly Time, DaysOffRule OnDaysOff = DaysOffRule.NextWorkingDay);

/// <summary>How far a quota counts.</summary>
public enum QuotaSpan
{
    /// <summary>The school term containing the period (the hub's <c>terms</c>).</summary>
    Semester,
    /// <summary>The calendar year containing the period.</summary>
    Year,
}

/// <summary>A target for a number field summed over a span, per submitter: <c>{ field: sessions, atLeast: 2, per: semester }</c> (每学期不少于两次).</summary>
/// <param name="FieldId">A number field of the report kind.</param>
/// <param name="AtLeast">The total each submitter should reach within the span.</param>
/// <param name="Per">The span.</param>
public sealed record Quota(string FieldId, int AtLeast, QuotaSpan Per);

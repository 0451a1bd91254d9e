namespace ServerlessHub.Chat;

/// <summary>
/// A period named in chat, resolved to a local date inside it: feed <see cref="Day"/> to the report kind's timeline
/// (the period containing the start of that day). Recognised only for the cadence it fits: 本周 / 这周 / 上周 / 上星期
/// for weekly kinds; 本月 / 这个月 / 上月 / 上个月 and 1月 … 12月 (the latest such month not after this one) for
/// monthly kinds; a period key as the API writes it (2026-W47, 2026-11) for its cadence. Other cadences take no hint.
/// </summary>
/// <param name="Text">The words as written, e.g. 上周.</param>
/// <param name="Day">A local date in the period meant.</param>
public sealed record PeriodHint(string Text, DateOnly Day);

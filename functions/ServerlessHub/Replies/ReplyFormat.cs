using System.Globalization;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Replies;

/// <summary>How dates, periods and amounts read in zh-CN replies; the templates receive these as ready strings.</summary>
internal static class ReplyFormat
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
    private static readonly string[] Quarters = ["一", "二", "三", "四"];

    /// <summary>11月27日（周五）17:00, in the hub's time zone.</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{Day(DateOnly.FromDateTime(local.DateTime))}{local:HH:mm}");
    }

    /// <summary>12月1日（周二）.</summary>
    public static string Day(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日（{Weekdays[(int)day.DayOfWeek]}）");

    /// <summary>11月23日, with the year in front when <paramref name="withYear"/>.</summary>
    public static string Date(DateOnly day, bool withYear = false) =>
        withYear
            ? string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日")
            : string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日");

    /// <summary>2026年第48周（11月23日—11月29日）, 2026年11月, 2026年第四季度, the term's name, or the window's dates.</summary>
    public static string Period(ReportKind kind, Period period) => Period(kind, period, withDays: true);

    /// <summary>As <see cref="Period(ReportKind, Periods.Period)"/>, without the days of a week: 2026年第48周.</summary>
    public static string PeriodShort(ReportKind kind, Period period) => Period(kind, period, withDays: false);

    /// <summary>2天3小时, 5小时20分钟, 40分钟; under a minute is 不到1分钟.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "不到1分钟";
        }

        return span.Days > 0 ? Join((span.Days, "天"), (span.Hours, "小时"))
            : span.Hours > 0 ? Join((span.Hours, "小时"), (span.Minutes, "分钟"))
            : Join((span.Minutes, "分钟"));
    }

    /// <summary>61.5%: one decimal at most.</summary>
    public static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>The text cut to <paramref name="length"/> characters (by text element, so no emoji is split) with … after.</summary>
    public static string Clip(string text, int length)
    {
        var info = new StringInfo(text.ReplaceLineEndings(" "));
        return info.LengthInTextElements <= length ? info.String : info.SubstringByTextElements(0, length) + "…";
    }

    /// <summary>A one-line report in the form the chat parser reads: the title, then each required field as
    /// <c>label：…</c> (the first field when none is required).</summary>
    public static string Example(ReportKind kind)
    {
        var fields = kind.Fields.Where(f => f.Required).DefaultIfEmpty(kind.Fields[0]);
        return kind.Title + " " + string.Join(" ", fields.Select(f => f.Label + "：…"));
    }

    /// <summary>An enum value as the templates compare it: <c>NotANumber</c> → <c>not_a_number</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        // Scriban's StandardMemberRenamer reads NotANumber as not_anumber; every capital starts a word here.
        var name = new System.Text.StringBuilder();
        foreach (var c in value.ToString())
        {
            name.Append(char.IsUpper(c) && name.Length > 0 ? "_" : "").Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }

    private static string Period(ReportKind kind, Period period, bool withDays)
    {
        switch (period.Cadence)
        {
            case Cadence.Weekly:
                var monday = period.FirstDay.ToDateTime(TimeOnly.MinValue);
                var week = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(monday)}年第{ISOWeek.GetWeekOfYear(monday)}周");
                return withDays ? $"{week}（{Date(period.FirstDay)}—{Date(period.LastDay)}）" : week;
            case Cadence.Monthly:
                return string.Create(CultureInfo.InvariantCulture, $"{period.FirstDay.Year}年{period.FirstDay.Month}月");
            case Cadence.Quarterly:
                return string.Create(CultureInfo.InvariantCulture, $"{period.FirstDay.Year}年第{Quarters[(period.FirstDay.Month - 1) / 3]}季度");
            default:
                var term = (kind.Schedule.Terms ?? []).Append(kind.Schedule.Once).FirstOrDefault(t => t?.Id == period.Key);
                return term?.Name ?? $"{Date(period.FirstDay, withYear: true)}—{Date(period.LastDay, withYear: period.LastDay.Year != period.FirstDay.Year)}";
        }
    }

    private static string Join(params (int Amount, string Unit)[] parts) =>
        string.Concat(parts.Where(p => p.Amount > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Amount}{p.Unit}")));
}

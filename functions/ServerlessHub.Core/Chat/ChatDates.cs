using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessHub.Chat;

/// <summary>
/// Reads the dates people write in chat. The forms, in the hub's local calendar:
/// <list type="bullet">
/// <item>with a year: 2026-11-24, 2026/11/24, 2026.11.24, 2026年11月24日 (or 号);</item>
/// <item>without: 11月24日, 11月24号, 11月24, 11.24, 11/24 — the year that puts the date nearest the reference day
/// (today, or a range's first day), so on 2026-12-30 1月2日 is 2027-01-02;</item>
/// <item>a day alone, only as the end of a range: 26日 / 26号 — the month that puts it nearest the range's first day;</item>
/// <item>今天 / 今日, 明天 / 明日, 后天, 昨天 / 昨日, 前天;</item>
/// <item>周五, 星期五, 礼拜五 (一 … 六, 日 or 天, or 1 … 7), optionally after 本 / 这 (this week), 下 (next week) or
/// 上 (last week); weeks start on Monday.</item>
/// </list>
/// Digits may be full-width. Chinese numerals in dates (十一月) are not read.
/// </summary>
internal static partial class ChatDates
{
    private static readonly (string Word, int Days)[] RelativeDays =
        [("今天", 0), ("今日", 0), ("明天", 1), ("明日", 1), ("后天", 2), ("昨天", -1), ("昨日", -1), ("前天", -2)];

    /// <summary>Reads a date at <paramref name="start"/> of <paramref name="text"/> (already
    /// <see cref="ChatText.HalfWidth"/>).</summary>
    /// <param name="text">The half-width text.</param>
    /// <param name="start">Where the date should begin.</param>
    /// <param name="today">The hub's local date today.</param>
    /// <param name="reference">The day a date without a year is placed nearest to.</param>
    /// <param name="dayAlone">Whether a day alone (26日) is accepted, placed in the month nearest <paramref name="reference"/>.</param>
    /// <param name="date">The date read.</param>
    /// <param name="end">The index just after it.</param>
    public static bool TryRead(string text, int start, DateOnly today, DateOnly reference, bool dayAlone, out DateOnly date, out int end)
    {
        date = default;
        end = start;
        if (start >= text.Length)
        {
            return false;
        }

        foreach (var (word, days) in RelativeDays)
        {
            if (ChatText.StartsWithAt(text, start, word))
            {
                date = today.AddDays(days);
                end = start + word.Length;
                return true;
            }
        }

        if (Weekday().Match(text, start) is { Success: true } weekday)
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var week = weekday.Groups["week"].Value switch
            {
                "下" => 7,
                "上" => -7,
                _ => 0,
            };
            date = monday.AddDays(week + DayIndex(weekday.Groups["day"].Value));
            end = weekday.Index + weekday.Length;
            return true;
        }

        if (FullDate().Match(text, start) is { Success: true } full)
        {
            end = full.Index + full.Length;
            return TryCreate(Number(full, "year"), Number(full, "month"), Number(full, "day"), out date);
        }

        if (MonthDay().Match(text, start) is { Success: true } monthDay)
        {
            end = monthDay.Index + monthDay.Length;
            return TryNearest(reference, Number(monthDay, "month"), Number(monthDay, "day"), out date);
        }

        if (dayAlone && DayOnly().Match(text, start) is { Success: true } dayOnly)
        {
            end = dayOnly.Index + dayOnly.Length;
            return TryNearestMonth(reference, Number(dayOnly, "day"), out date);
        }

        return false;
    }

    /// <summary>Reads a whole value as one date (for <see cref="Hubs.FieldType.Date"/> fields), nearest today.</summary>
    public static bool TryReadWhole(string value, DateOnly today, out DateOnly date)
    {
        var text = ChatText.HalfWidth(value);
        return TryRead(text, 0, today, today, dayAlone: false, out date, out var end) && ChatText.Skip(text, end) == text.Length;
    }

    private static int Number(Match match, string group) =>
        int.TryParse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int DayIndex(string day) => day switch
    {
        "一" or "1" => 0,
        "二" or "2" => 1,
        "三" or "3" => 2,
        "四" or "4" => 3,
        "五" or "5" => 4,
        "六" or "6" => 5,
        _ => 6,
    };

    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryNearest(DateOnly reference, int month, int day, out DateOnly date) =>
        TryNearest(reference, [(reference.Year - 1, month), (reference.Year, month), (reference.Year + 1, month)], day, out date);

    private static bool TryNearestMonth(DateOnly reference, int day, out DateOnly date)
    {
        var current = new DateOnly(reference.Year, reference.Month, 1);
        var months = new[] { current.AddMonths(-1), current, current.AddMonths(1) };
        return TryNearest(reference, [.. months.Select(m => (m.Year, m.Month))], day, out date);
    }

    private static bool TryNearest(DateOnly reference, (int Year, int Month)[] candidates, int day, out DateOnly date)
    {
        date = default;
        var found = false;
        foreach (var (year, month) in candidates)
        {
            if (TryCreate(year, month, day, out var candidate)
                && (!found || Math.Abs(candidate.DayNumber - reference.DayNumber) < Math.Abs(date.DayNumber - reference.DayNumber)))
            {
                date = candidate;
                found = true;
            }
        }

        return found;
    }

    [GeneratedRegex(@"\G(?:(?<week>[本这下上])(?:个)?)?(?:周|星期|礼拜)(?<day>[一二三四五六日天1-7])")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\G(?<year>[0-9]{4})(?:年(?<month>[0-9]{1,2})月(?<day>[0-9]{1,2})(?:[日号]|(?![0-9]))|(?<sep>[-/.])(?<month>[0-9]{1,2})\k<sep>(?<day>[0-9]{1,2})(?![0-9]))")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\G(?:(?<month>[0-9]{1,2})月(?<day>[0-9]{1,2})(?:[日号]|(?![0-9]))|(?<month>[0-9]{1,2})[./](?<day>[0-9]{1,2})(?![0-9./]))")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\G(?<day>[0-9]{1,2})[日号]")]
    private static partial Regex DayOnly();
}

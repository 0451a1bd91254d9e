using System.Globalization;
using System.Text.RegularExpressions;
using ServerlessHub.Periods;

namespace ServerlessHub.Chat;

/// <summary>Reads the period words described on <see cref="PeriodHint"/>.</summary>
internal static partial class PeriodHints
{
    private static readonly (string Word, Cadence Cadence, int Step)[] Words =
    [
        ("本周", Cadence.Weekly, 0), ("这周", Cadence.Weekly, 0), ("本星期", Cadence.Weekly, 0), ("这星期", Cadence.Weekly, 0),
        ("上周", Cadence.Weekly, -1), ("上星期", Cadence.Weekly, -1), ("上一周", Cadence.Weekly, -1),
        ("本月", Cadence.Monthly, 0), ("这个月", Cadence.Monthly, 0), ("这月", Cadence.Monthly, 0),
        ("上个月", Cadence.Monthly, -1), ("上月", Cadence.Monthly, -1),
    ];

    private static readonly string[] ChineseMonths = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    /// <summary>Reads a period word at <paramref name="start"/> of the half-width <paramref name="text"/>; it must end
    /// at a word boundary.</summary>
    public static bool TryRead(string text, int start, DateOnly today, out PeriodHint hint, out Cadence cadence, out int end)
    {
        hint = null!;
        cadence = default;
        end = start;
        foreach (var (word, wordCadence, step) in Words)
        {
            if (ChatText.StartsWithAt(text, start, word) && ChatText.IsBoundary(text, start + word.Length))
            {
                cadence = wordCadence;
                end = start + word.Length;
                hint = new PeriodHint(word, cadence == Cadence.Weekly ? today.AddDays(7 * step) : today.AddMonths(step));
                return true;
            }
        }

        if (Key().Match(text, start) is { Success: true } key && ChatText.IsBoundary(text, key.Index + key.Length)
            && KeyDay(key) is { } keyDay)
        {
            cadence = key.Groups["week"].Success ? Cadence.Weekly : Cadence.Monthly;
            end = key.Index + key.Length;
            hint = new PeriodHint(key.Value, keyDay);
            return true;
        }

        if (Month().Match(text, start) is { Success: true } match && ChatText.IsBoundary(text, match.Index + match.Length)
            && MonthNumber(match.Groups["month"].Value) is { } month)
        {
            cadence = Cadence.Monthly;
            end = match.Index + match.Length;
            var year = month <= today.Month ? today.Year : today.Year - 1;
            hint = new PeriodHint(match.Value, new DateOnly(year, month, 1));
            return true;
        }

        return false;
    }

    private static int? MonthNumber(string written)
    {
        var index = Array.IndexOf(ChineseMonths, written);
        if (index >= 0)
        {
            return index + 1;
        }

        return int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 12 ? n : null;
    }

    // A period key as the API writes it: 2026-W47 (ISO week) or 2026-11.
    private static DateOnly? KeyDay(Match key)
    {
        var year = int.Parse(key.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (key.Groups["week"].Success)
        {
            var week = int.Parse(key.Groups["week"].Value, CultureInfo.InvariantCulture);
            return week >= 1 && week <= ISOWeek.GetWeeksInYear(year) ? DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)) : null;
        }

        var month = int.Parse(key.Groups["month"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? new DateOnly(year, month, 1) : null;
    }

    [GeneratedRegex(@"\G(?<year>20[0-9]{2})-(?:[Ww](?<week>[0-9]{2})|(?<month>[0-9]{2}))")]
    private static partial Regex Key();

    [GeneratedRegex(@"\G(?<month>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月份?")]
    private static partial Regex Month();
}

using System.Globalization;

namespace ServerlessHub.Periods;

/// <summary>
/// Period keys: <c>2026-W48</c> (ISO 8601 week-numbering year and week), <c>2026-11</c>, <c>2026-Q4</c>, or a term,
/// window or ad hoc id. Keys are used as Azure Table partition and row keys, which forbid <c>/ \ # ?</c> and control
/// characters.
/// </summary>
public static class PeriodKey
{
    /// <summary>The longest key accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// The first and last years a period, window, leave or export may fall in. DateTime ends at years 1 and 9999, and a
    /// period's opening, due time and late window lie a time-zone offset and some periods beyond its days, so days at
    /// those ends cannot be scheduled; nothing a hub reports on is near them.
    /// </summary>
    public const int FirstYear = 1900;

    /// <inheritdoc cref="FirstYear"/>
    public const int LastYear = 9000;

    /// <summary>Whether <paramref name="day"/> lies in the years the hub can schedule, <see cref="FirstYear"/> to <see cref="LastYear"/>.</summary>
    public static bool IsSupportedDay(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>Whether <paramref name="key"/> can name a period: 1 to <see cref="MaxLength"/> characters, none of them
    /// <c>/ \ # ?</c>, a control character or white space at either end, and not <c>.</c> or <c>..</c>, which a URL
    /// path cannot carry as a segment.</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key)
        && key is not ("." or "..")
        && key.Length <= MaxLength
        && !char.IsWhiteSpace(key[0])
        && !char.IsWhiteSpace(key[^1])
        && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>The first day of the recurring period of <paramref name="cadence"/> containing <paramref name="date"/>.</summary>
    internal static DateOnly FirstDayContaining(Cadence cadence, DateOnly date) => cadence switch
    {
        Cadence.Weekly => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        Cadence.Monthly => new DateOnly(date.Year, date.Month, 1),
        Cadence.Quarterly => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Not a recurring cadence."),
    };

    /// <summary>The first day of the recurring period after the one starting on <paramref name="firstDay"/>.</summary>
    internal static DateOnly NextFirstDay(Cadence cadence, DateOnly firstDay, int step = 1) => cadence switch
    {
        Cadence.Weekly => firstDay.AddDays(7 * step),
        Cadence.Monthly => firstDay.AddMonths(step),
        Cadence.Quarterly => firstDay.AddMonths(3 * step),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Not a recurring cadence."),
    };

    /// <summary>The key of the recurring period starting on <paramref name="firstDay"/>.</summary>
    internal static string Format(Cadence cadence, DateOnly firstDay) => cadence switch
    {
        Cadence.Weekly => string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(firstDay.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(firstDay.ToDateTime(TimeOnly.MinValue)):D2}"),
        Cadence.Monthly => firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Cadence.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{firstDay.Year:D4}-Q{((firstDay.Month - 1) / 3) + 1}"),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Not a recurring cadence."),
    };

    /// <summary>
    /// The first day of the recurring period named by <paramref name="key"/> in its canonical form, or null when the
    /// key is not one (wrong shape, week 53 of a 52-week year, month 13).
    /// </summary>
    internal static DateOnly? ParseFirstDay(Cadence cadence, string key)
    {
        switch (cadence)
        {
            case Cadence.Weekly when key.Length == 8 && key[4] == '-' && key[5] == 'W'
                && TryDigits(key, 0, 4, out var year) && TryDigits(key, 6, 2, out var week)
                && year is >= FirstYear and <= LastYear && week >= 1 && week <= ISOWeek.GetWeeksInYear(year):
                return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            case Cadence.Monthly when key.Length == 7 && key[4] == '-'
                && TryDigits(key, 0, 4, out var year) && TryDigits(key, 5, 2, out var month)
                && year is >= FirstYear and <= LastYear && month is >= 1 and <= 12:
                return new DateOnly(year, month, 1);
            case Cadence.Quarterly when key.Length == 7 && key[4] == '-' && key[5] == 'Q'
                && TryDigits(key, 0, 4, out var year) && TryDigits(key, 6, 1, out var quarter)
                && year is >= FirstYear and <= LastYear && quarter is >= 1 and <= 4:
                return new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            default:
                return null;
        }
    }

    private static bool TryDigits(string text, int start, int length, out int value)
    {
        value = 0;
        foreach (var c in text.AsSpan(start, length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}

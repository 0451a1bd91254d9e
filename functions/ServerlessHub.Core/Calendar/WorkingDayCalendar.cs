using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ServerlessHub.Calendar;

/// <summary>
/// Which local days are working days for a hub: the China statutory calendar (holidays off, make-up workdays (调休)
/// on, otherwise Monday to Friday), adjusted by the hub's own extra days off (school vacations, local days off) and
/// extra working days. Immutable and thread-safe; pure apart from the optional report of years without data.
/// </summary>
/// <remarks>
/// Precedence, highest first: the hub's extra working days, the hub's extra days off, the statutory data, Monday to
/// Friday. A year without statutory data (see <see cref="CoveredYears"/>) falls back to Monday to Friday and never
/// fails; <see cref="ReportingYearsWithoutData"/> lets the caller log that once per year.
/// </remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>The largest magnitude accepted by <see cref="AddWorkingDays"/>: 3660 working days, about 14 years.</summary>
    public const int MaxWorkingDays = 3660;

    /// <summary>
    /// The longest run of consecutive days off the calendar accepts: 366. A longer extra-days-off range is rejected
    /// when added; longer runs made of adjacent ranges make <see cref="AddWorkingDays"/> fail when it meets them.
    /// </summary>
    public const int MaxConsecutiveDaysOff = 366;

    private readonly StatutoryHolidays statutory;
    private readonly ImmutableArray<DateRange> extraDaysOff;
    private readonly ImmutableArray<DateRange> extraWorkingDays;
    private readonly Action<int>? reportYearWithoutData;
    private readonly ConcurrentDictionary<int, bool> reportedYears = new();

    private WorkingDayCalendar(
        StatutoryHolidays statutory,
        ImmutableArray<DateRange> extraDaysOff,
        ImmutableArray<DateRange> extraWorkingDays,
        Action<int>? reportYearWithoutData)
    {
        this.statutory = statutory;
        this.extraDaysOff = extraDaysOff;
        this.extraWorkingDays = extraWorkingDays;
        this.reportYearWithoutData = reportYearWithoutData;
    }

    /// <summary>The China statutory calendar (日历 <c>cn</c>) with no hub adjustments.</summary>
    public static WorkingDayCalendar China { get; } = new(StatutoryHolidays.China, [], [], null);

    /// <summary>The years for which statutory holiday data is shipped (2024–2026 at least).</summary>
    public IReadOnlySet<int> CoveredYears => statutory.Years;

    /// <summary>
    /// A calendar that also treats the given days as days off (e.g. 寒假/暑假, a local day off). Applies on top of
    /// earlier adjustments.
    /// </summary>
    /// <exception cref="ArgumentException">A range is longer than <see cref="MaxConsecutiveDaysOff"/> days.</exception>
    public WorkingDayCalendar WithDaysOff(IEnumerable<DateRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var added = ranges.ToImmutableArray();
        foreach (var range in added)
        {
            if (range.Days > MaxConsecutiveDaysOff)
            {
                throw new ArgumentException(
                    $"The days off {range.First:yyyy-MM-dd}..{range.Last:yyyy-MM-dd} span {range.Days} days; at most {MaxConsecutiveDaysOff} are allowed.",
                    nameof(ranges));
            }
        }

        return new(statutory, extraDaysOff.AddRange(added), extraWorkingDays, reportYearWithoutData);
    }

    /// <summary>
    /// A calendar that also treats the given days as working days, even when they are weekends, statutory holidays
    /// or inside extra days off (e.g. a meeting day inside a school vacation).
    /// </summary>
    public WorkingDayCalendar WithWorkingDays(IEnumerable<DateRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return new(statutory, extraDaysOff, extraWorkingDays.AddRange(ranges), reportYearWithoutData);
    }

    /// <summary>
    /// A calendar that calls <paramref name="yearWithoutData"/> the first time it falls back to Monday to Friday for a
    /// year outside <see cref="CoveredYears"/>: once per year for the returned instance, so keep the instance (one
    /// per hub) to log a warning once. The callback may run on any thread and must not throw.
    /// </summary>
    public WorkingDayCalendar ReportingYearsWithoutData(Action<int> yearWithoutData)
    {
        ArgumentNullException.ThrowIfNull(yearWithoutData);
        return new(statutory, extraDaysOff, extraWorkingDays, yearWithoutData);
    }

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (Contains(extraWorkingDays, date))
        {
            return true;
        }

        if (Contains(extraDaysOff, date))
        {
            return false;
        }

        if (statutory.Days.TryGetValue(date, out var working))
        {
            return working;
        }

        if (!statutory.Years.Contains(date.Year) && reportYearWithoutData is not null && reportedYears.TryAdd(date.Year, true))
        {
            reportYearWithoutData(date.Year);
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// Counts working days from <paramref name="date"/>, as <c>DayOffset</c> defines it: 0 gives
    /// <paramref name="date"/> when it is a working day and otherwise the next working day; N ≥ 1 gives the Nth
    /// working day after <paramref name="date"/>; −N gives the Nth working day before it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> exceeds <see cref="MaxWorkingDays"/> in magnitude.</exception>
    /// <exception cref="InvalidOperationException">
    /// The search met more than <see cref="MaxConsecutiveDaysOff"/> consecutive days off: the hub's days off leave no
    /// working day to land on.
    /// </exception>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs((long)days), MaxWorkingDays, nameof(days));
        if (days == 0)
        {
            return IsWorkingDay(date) ? date : Step(date, 1, 1);
        }

        return Step(date, Math.Sign(days), Math.Abs(days));
    }

    /// <summary>
    /// The number of working days after <paramref name="fromExclusive"/> up to and including
    /// <paramref name="toInclusive"/>; 0 when <paramref name="toInclusive"/> is not after <paramref name="fromExclusive"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var day = fromExclusive.AddDays(1); day <= toInclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private DateOnly Step(DateOnly date, int direction, int count)
    {
        var day = date;
        var daysOffInARow = 0;
        while (count > 0)
        {
            day = day.AddDays(direction);
            if (IsWorkingDay(day))
            {
                count--;
                daysOffInARow = 0;
            }
            else if (++daysOffInARow > MaxConsecutiveDaysOff)
            {
                throw new InvalidOperationException(
                    $"The calendar has no working day in the {MaxConsecutiveDaysOff} days {(direction > 0 ? "after" : "before")} {day.AddDays(-direction * MaxConsecutiveDaysOff):yyyy-MM-dd}; check the hub's days off.");
            }
        }

        return day;
    }

    private static bool Contains(ImmutableArray<DateRange> ranges, DateOnly date)
    {
        foreach (var range in ranges)
        {
            if (range.Contains(date))
            {
                return true;
            }
        }

        return false;
    }
}

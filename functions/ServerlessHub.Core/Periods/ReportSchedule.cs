namespace ServerlessHub.Periods;

/// <summary>How often a report kind recurs.</summary>
public enum Cadence
{
    /// <summary>ISO weeks, Monday 00:00 to the next Monday 00:00 in the hub's time zone (周报).</summary>
    Weekly,
    /// <summary>Calendar months (月通报).</summary>
    Monthly,
    /// <summary>Calendar quarters (季度联席会议).</summary>
    Quarterly,
    /// <summary>The hub's school terms, from their first to their last day (学期计划 / 学期小结).</summary>
    Semester,
    /// <summary>A single window with explicit dates.</summary>
    Once,
    /// <summary>Windows opened on demand by a coordinator, each with its own dates.</summary>
    AdHoc,
}

/// <summary>Whether an offset counts every day or only working days on the hub's calendar.</summary>
public enum DayUnit
{
    /// <summary>Every calendar day (自然日).</summary>
    Calendar,
    /// <summary>Working days on the hub's calendar: statutory holidays skipped, make-up workdays (调休) counted.</summary>
    Working,
}

/// <summary>The day an offset counts from.</summary>
public enum DayAnchor
{
    /// <summary>The first day of the period.</summary>
    PeriodStart,
    /// <summary>The last day of the period.</summary>
    PeriodEnd,
    /// <summary>The day the period opens for submissions.</summary>
    Open,
}

/// <summary>
/// A local day and time relative to a period: <see cref="Days"/> days (of <see cref="Unit"/>) after the
/// <see cref="Anchor"/> day, at <see cref="Time"/> in the hub's time zone. With working days, 0 means the anchor day
/// itself when it is a working day and otherwise the next working day; N ≥ 1 means the Nth working day after the anchor;
/// −N means the Nth working day before it. <see cref="Days"/> is at most 3660 in magnitude
/// (<see cref="Calendar.WorkingDayCalendar.MaxWorkingDays"/>). Local times skipped or repeated by a clock change are
/// resolved as <see cref="LocalTime.ToInstant"/> describes.
/// </summary>
/// <example>Weekly, due Friday 17:00: <c>new DayOffset(4, DayUnit.Calendar, DayAnchor.PeriodStart, new TimeOnly(17, 0))</c>.
/// Monthly, due on the 3rd working day after the month ends: <c>new DayOffset(3, DayUnit.Working, DayAnchor.PeriodEnd, new TimeOnly(17, 0))</c>.</example>
public sealed record DayOffset(int Days, DayUnit Unit, DayAnchor Anchor, TimeOnly Time);

/// <summary>A named school term with its first and last day (inclusive), e.g. 2026-2027学年第一学期.</summary>
public sealed record Term(string Id, string Name, DateOnly FirstDay, DateOnly LastDay);

/// <summary>
/// When a report kind's periods start, open for submissions and fall due. <see cref="Opens"/> may not use
/// <see cref="DayAnchor.Open"/>; null means the period opens at its start. <see cref="Terms"/> is used by
/// <see cref="Cadence.Semester"/>; <see cref="Once"/> gives the single window of <see cref="Cadence.Once"/>.
/// </summary>
public sealed record ReportSchedule(
    Cadence Cadence,
    DayOffset Due,
    DayOffset? Opens = null,
    IReadOnlyList<Term>? Terms = null,
    Term? Once = null);

using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Reminders;

/// <summary>One step of a period's reminder ladder, placed in time.</summary>
/// <param name="Index">The step's position in the report kind's ladder.</param>
/// <param name="Step">The step.</param>
/// <param name="Nominal">When the step falls by its offset from the due instant.</param>
/// <param name="SendAt">When it may go out: <paramref name="Nominal"/>, or the next moment within the hub's sending hours.</param>
public sealed record ScheduledReminder(int Index, ReminderStep Step, DateTimeOffset Nominal, DateTimeOffset SendAt);

/// <summary>Places a report kind's reminder ladder on a period: offsets from the due instant, then the sending hours.</summary>
public static class ReminderLadder
{
    /// <summary>Every step of <paramref name="kind"/>'s ladder for <paramref name="period"/>, in ladder order.</summary>
    public static IReadOnlyList<ScheduledReminder> Schedule(Hub hub, ReportKind kind, Period period)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        return kind.Reminders.Select((step, index) =>
        {
            var nominal = Nominal(hub, step, period);
            return new ScheduledReminder(index, step, nominal, hub.Definition.SendingHours.NextAllowed(nominal, hub.Calendar, hub.TimeZone));
        }).ToList();
    }

    /// <summary>The instant a step falls on: the due day moved by its days (calendar or working), at its time or the due
    /// time, then moved by its hours.</summary>
    public static DateTimeOffset Nominal(Hub hub, ReminderStep step, Period period)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(period);
        var dueDay = LocalTime.ToDate(period.Due, hub.TimeZone);
        var dueTime = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(period.Due, hub.TimeZone).DateTime);
        var day = step.Days == 0 ? dueDay
            : step.Unit == DayUnit.Working ? hub.Calendar.AddWorkingDays(dueDay, step.Days)
            : dueDay.AddDays(step.Days);
        return LocalTime.ToInstant(day, step.Time ?? dueTime, hub.TimeZone).AddHours(step.Hours);
    }
}

using ServerlessHub.Calendar;
using ServerlessHub.Periods;

namespace ServerlessHub.Reminders;

/// <summary>
/// When a hub's reminders may go out: between <see cref="From"/> and <see cref="To"/> local time on working days of the
/// hub's calendar (a 调休 make-up workday counts; a statutory or hub day off does not). Written
/// <c>sendingHours: { from: "08:30", to: "20:00" }</c> in a hub definition; that is also the default.
/// </summary>
/// <param name="From">The earliest local time of day.</param>
/// <param name="To">The local time of day from which nothing is sent (excluded).</param>
public sealed record SendingHours(TimeOnly From, TimeOnly To)
{
    /// <summary>08:30–20:00 on working days.</summary>
    public static SendingHours Default { get; } = new(new TimeOnly(8, 30), new TimeOnly(20, 0));

    /// <summary>
    /// <paramref name="instant"/> when it lies within the sending hours of a working day; otherwise the start of the
    /// next working day's sending hours.
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, WorkingDayCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = LocalTime.ToDate(instant, zone);
        var time = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        if (calendar.IsWorkingDay(day))
        {
            if (time < From)
            {
                return LocalTime.ToInstant(day, From, zone);
            }

            if (time < To)
            {
                return instant;
            }
        }

        return LocalTime.ToInstant(calendar.AddWorkingDays(day, 1), From, zone);
    }
}

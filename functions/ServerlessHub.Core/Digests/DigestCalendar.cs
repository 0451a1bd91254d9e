using ServerlessHub.Calendar;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Digests;

/// <summary>When a digest goes out, and which period it is about.</summary>
public static class DigestCalendar
{
    /// <summary>A digest looks at most this far back for a period to report on: a semester summary due weeks after its
    /// term still goes out, a term that ended long before a hub was set up does not.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(31);

    // A tick that was down longer than this posts the latest occurrence only; older ones are news no longer.
    private const int MaxDaysBack = 14;

    /// <summary>
    /// The latest moment in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>] at which
    /// <paramref name="schedule"/> posts, in the hub's time zone: the weekday at its time, or, when that day is a day
    /// off and the schedule waits for working days, the next working day at that time. Null when none falls in it.
    /// </summary>
    public static DateTimeOffset? LastOccurrence(DigestSchedule schedule, WorkingDayCalendar calendar, TimeZoneInfo zone, DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(calendar);
        var last = LocalTime.ToDate(toInclusive, zone);
        var first = LocalTime.ToDate(fromExclusive, zone).AddDays(-MaxDaysBack);
        if (last.DayNumber - first.DayNumber > 2 * MaxDaysBack)
        {
            first = last.AddDays(-2 * MaxDaysBack);
        }

        DateTimeOffset? found = null;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek != schedule.Day)
            {
                continue;
            }

            var postDay = schedule.OnDaysOff == DaysOffRule.Post ? day : calendar.AddWorkingDays(day, 0);
            var at = LocalTime.ToInstant(postDay, schedule.Time, zone);
            if (fromExclusive < at && at <= toInclusive && (found is null || at > found))
            {
                found = at;
            }
        }

        return found;
    }

    /// <summary>The latest period of <paramref name="kind"/> due by <paramref name="at"/> and no older than
    /// <see cref="MaxAge"/>; null for ad hoc kinds, whose windows are reported on demand.</summary>
    public static Period? LastDue(Hub hub, ReportKind kind, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        var timeline = hub.Timeline(kind);
        Period? period;
        switch (kind.Schedule.Cadence)
        {
            case Cadence.AdHoc:
                return null;
            case Cadence.Semester or Cadence.Once:
                period = (kind.Schedule.Terms ?? []).Append(kind.Schedule.Once).OfType<Term>()
                    .Select(t => timeline.FromKey(t.Id)).OfType<Period>().Where(p => p.Due <= at).MaxBy(p => p.Due);
                break;
            default:
                period = timeline.Containing(at);
                for (var i = 0; period is not null && period.Due > at && i < 12; i++)
                {
                    period = timeline.Previous(period);
                }

                break;
        }

        return period is not null && period.Due <= at && at - period.Due <= MaxAge ? period : null;
    }
}

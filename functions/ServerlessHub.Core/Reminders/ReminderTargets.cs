using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Reminders;

/// <summary>A submitter who still owes a period's report when a reminder goes out.</summary>
/// <param name="Submitter">The unit (or, for per-person kinds, the liaison).</param>
/// <param name="Liaisons">Whom to remind: the unit's liaisons (or the person), without those on leave today.</param>
/// <param name="DaysLate">Calendar days since the due day; 0 before it is due.</param>
/// <param name="WorkingDaysLate">Working days since the due day; 0 before it is due.</param>
public sealed record OwingSubmitter(ExpectedSubmitter Submitter, IReadOnlyList<Person> Liaisons, int DaysLate, int WorkingDaysLate);

/// <summary>Who a reminder reaches, worked out again when it goes out: the state may have changed since it was scheduled.</summary>
public static class ReminderTargets
{
    /// <summary>
    /// The submitters that still owe <paramref name="status"/>'s report: expected when the period opened
    /// (<paramref name="expectedAtOpening"/>) and still expected now (a unit removed meanwhile is left alone), neither
    /// submitted nor on leave for the due date. Each comes with the liaisons to remind, less anyone whose own leave
    /// covers <paramref name="now"/>'s day, and how late the report is.
    /// </summary>
    public static IReadOnlyList<OwingSubmitter> Owing(
        Hub hub, ReportKind kind, PeriodStatus status, IReadOnlyCollection<string> expectedAtOpening, IEnumerable<LeaveRecord> leave, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(status);
        var atOpening = expectedAtOpening.ToHashSet(StringComparer.Ordinal);
        var expected = hub.ExpectedSubmitters(kind).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var today = LocalTime.ToDate(now, hub.TimeZone);
        var awayToday = leave.Where(l => l.Subject == LeaveSubject.Person && l.Covers(today)).Select(l => l.SubjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var dueDay = LocalTime.ToDate(status.Period.Due, hub.TimeZone);
        var late = now > status.Period.Due;
        var daysLate = late ? Math.Max(0, today.DayNumber - dueDay.DayNumber) : 0;
        var workingDaysLate = late ? hub.Calendar.WorkingDaysBetween(dueDay, today) : 0;
        return status.Submitters
            .Where(s => s.State is SubmitterState.Pending or SubmitterState.Missing && atOpening.Contains(s.SubmitterId) && expected.ContainsKey(s.SubmitterId))
            .Select(s =>
            {
                var submitter = expected[s.SubmitterId];
                IEnumerable<Person> liaisons = kind.Submitters.Scope == SubmitterScope.Person
                    ? hub.FindPerson(submitter.Id) is { } person ? [person] : []
                    : hub.Liaisons(submitter.UnitId);
                return new OwingSubmitter(submitter, liaisons.Where(p => !awayToday.Contains(p.UserId)).ToList(), daysLate, workingDaysLate);
            })
            .ToList();
    }
}

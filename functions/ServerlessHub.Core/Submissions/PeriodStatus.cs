using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;

namespace ServerlessHub.Submissions;

/// <summary>Where one expected submitter stands in a period.</summary>
public enum SubmitterState
{
    /// <summary>Submitted by the due instant (按期报送).</summary>
    OnTime,
    /// <summary>Submitted after the due instant (迟报).</summary>
    Late,
    /// <summary>Not submitted; the period is open and not yet due (待报).</summary>
    Pending,
    /// <summary>Not submitted and past due (未报).</summary>
    Missing,
    /// <summary>Not submitted, on leave on the due date (请假).</summary>
    OnLeave,
    /// <summary>Not submitted, and the period has not opened for submissions yet (尚未开放): nothing is owed so far.</summary>
    NotOpen,
}

/// <summary>One expected submitter's line in a period status.</summary>
public sealed record SubmitterStatus(string SubmitterId, string UnitId, string Name, SubmitterState State, DateTimeOffset? SubmittedAt, int Revision);

/// <summary>
/// Who has submitted a report for a period, on time or late, who is missing and who is on leave. Rates count on-leave
/// submitters out of the expected total (they are excused), as 按期报送率 is usually reckoned. Before the period opens
/// nobody can submit, so submitters are <see cref="SubmitterState.NotOpen"/> rather than pending, and they are left out
/// of the rates too: a period that has not opened never drags a unit's or a hub's rate down.
/// </summary>
public sealed record PeriodStatus(
    string HubId,
    string ReportId,
    Period Period,
    DateTimeOffset AsOf,
    IReadOnlyList<SubmitterStatus> Submitters)
{
    public int Expected => Submitters.Count;

    public int Submitted => Submitters.Count(s => s.State is SubmitterState.OnTime or SubmitterState.Late);

    public int OnTime => Count(SubmitterState.OnTime);

    public int Late => Count(SubmitterState.Late);

    public int Missing => Count(SubmitterState.Missing);

    public int Pending => Count(SubmitterState.Pending);

    public int OnLeave => Count(SubmitterState.OnLeave);

    public int NotOpen => Count(SubmitterState.NotOpen);

    /// <summary>Whether the period had opened for submissions at <see cref="AsOf"/>.</summary>
    public bool IsOpen => AsOf >= Period.Opens;

    /// <summary>Submitted ÷ (expected − on leave − not open); 1 when nobody is due.</summary>
    public double SubmissionRate => Ratio(Submitted);

    /// <summary>On time ÷ (expected − on leave − not open); 1 when nobody is due.</summary>
    public double OnTimeRate => Ratio(OnTime);

    /// <summary>Works out every expected submitter's state from the period's current submissions and the hub's leave.</summary>
    public static PeriodStatus Compute(Hub hub, ReportKind report, Period period, IEnumerable<Submission> submissions, IEnumerable<LeaveRecord> leave, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var bySubmitter = submissions.Where(s => !s.Withdrawn).ToDictionary(s => s.SubmitterId, StringComparer.Ordinal);
        var dueDay = LocalTime.ToDate(period.Due, hub.TimeZone);
        var onLeave = leave.Where(l => l.Covers(dueDay)).ToList();
        var lines = hub.ExpectedSubmitters(report).Select(expected =>
        {
            if (bySubmitter.TryGetValue(expected.Id, out var submission))
            {
                return new SubmitterStatus(expected.Id, expected.UnitId, expected.Name, submission.Late ? SubmitterState.Late : SubmitterState.OnTime, submission.FirstSubmittedAt, submission.Revision);
            }

            // Leave is known before the period opens and excuses the period as a whole, so it shows through; everyone
            // else owes nothing until the opening.
            var excused = onLeave.Any(l => (l.Subject == LeaveSubject.Unit && l.SubjectId == expected.UnitId) || (l.Subject == LeaveSubject.Person && l.SubjectId == expected.Id));
            var state = excused ? SubmitterState.OnLeave
                : now < period.Opens ? SubmitterState.NotOpen
                : now > period.Due ? SubmitterState.Missing
                : SubmitterState.Pending;
            return new SubmitterStatus(expected.Id, expected.UnitId, expected.Name, state, null, 0);
        }).ToList();
        return new PeriodStatus(hub.Id, report.Id, period, now, lines);
    }

    private int Count(SubmitterState state) => Submitters.Count(s => s.State == state);

    private double Ratio(int count)
    {
        var due = Expected - OnLeave - NotOpen;
        return due == 0 ? 1 : (double)count / due;
    }
}

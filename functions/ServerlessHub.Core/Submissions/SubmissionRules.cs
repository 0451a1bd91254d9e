using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Submissions;

/// <summary>The outcome of asking to submit, revise or withdraw.</summary>
public enum SubmissionDecision
{
    /// <summary>Allowed.</summary>
    Allowed,
    /// <summary>The period has not opened yet (未到报送时间).</summary>
    NotOpenYet,
    /// <summary>The period takes nothing more: as many later periods as the kind's <see cref="ReportKind.AcceptLateFor"/> are due.</summary>
    WindowClosed,
}

/// <summary>
/// When a period accepts what — one rule for submitting, revising and withdrawing, over HTTP and in chat alike: from the
/// period's opening until <see cref="ReportKind.AcceptLateFor"/> later periods have fallen due (by default the next one:
/// last week's report can be sent late or corrected until this week's is due, not for ever). After its own due time a
/// first submission is flagged late (迟报).
/// </summary>
public static class SubmissionRules
{
    /// <summary>Whether <paramref name="period"/> of <paramref name="kind"/> takes a submission, revision or withdrawal at <paramref name="now"/>.</summary>
    public static SubmissionDecision Decide(ReportTimeline timeline, ReportKind kind, Period period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (now < period.Opens)
        {
            return SubmissionDecision.NotOpenYet;
        }

        return ClosesAt(timeline, kind, period) is { } closes && now >= closes ? SubmissionDecision.WindowClosed : SubmissionDecision.Allowed;
    }

    /// <summary>The instant <paramref name="period"/> stops taking anything: the due time of the
    /// <see cref="ReportKind.AcceptLateFor"/>-th period after it (its own with 0); null when there is no such period
    /// (after the last term, a once window, ad hoc windows), which stays open.</summary>
    public static DateTimeOffset? ClosesAt(ReportTimeline timeline, ReportKind kind, Period period)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        var last = period;
        for (var i = 0; i < kind.AcceptLateFor; i++)
        {
            if (last.Cadence is Cadence.AdHoc or Cadence.Once || timeline.Next(last) is not { } next)
            {
                return null;
            }

            last = next;
        }

        return last.Due;
    }

    /// <summary>Late (迟报) when first submitted after the due instant.</summary>
    public static bool IsLate(Period period, DateTimeOffset firstSubmittedAt) => firstSubmittedAt > period.Due;

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, in field order of the report kind.</summary>
    public static IReadOnlyList<FieldChange> Diff(ReportKind kind, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var changes = new List<FieldChange>();
        foreach (var field in kind.Fields)
        {
            before.TryGetValue(field.Id, out var old);
            after.TryGetValue(field.Id, out var @new);
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field.Id, old, @new));
            }
        }

        return changes;
    }
}

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
    /// <summary>The revision window has closed: the next period is already due.</summary>
    WindowClosed,
}

/// <summary>
/// When a period accepts what. Submissions are accepted from the period's opening on, late ones flagged; revisions
/// and withdrawals are accepted until the next period falls due, so last week's report can be corrected until this
/// week's is due, not for ever.
/// </summary>
public static class SubmissionRules
{
    public static SubmissionDecision CanSubmit(Period period, DateTimeOffset now) =>
        now < period.Opens ? SubmissionDecision.NotOpenYet : SubmissionDecision.Allowed;

    public static SubmissionDecision CanRevise(ReportTimeline timeline, Period period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(period);
        if (now < period.Opens)
        {
            return SubmissionDecision.NotOpenYet;
        }

        var next = timeline.Next(period);
        return next is null || now < next.Due ? SubmissionDecision.Allowed : SubmissionDecision.WindowClosed;
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

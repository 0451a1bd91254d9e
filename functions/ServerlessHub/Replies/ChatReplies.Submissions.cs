using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Replies;

public sealed partial class ChatReplies
{
    /// <summary>What was recorded: the report, period, submitter, each value (clipped to <see cref="EchoLength"/>),
    /// on time or late; for a revision its number and the fields changed; for a withdrawal, that it is withdrawn.</summary>
    public Reply Receipt(Hub hub, ReportKind kind, Period period, Submission submission, RevisionAction action, IReadOnlyList<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(changes);
        var fields = kind.Fields
            .Where(f => submission.Fields.TryGetValue(f.Id, out var v) && v.Length > 0)
            .Select(f => new FieldLine(f.Label, ReplyFormat.Clip(submission.Fields[f.Id], EchoLength)))
            .ToList();
        var changed = changes.Select(c => kind.Fields.FirstOrDefault(f => f.Id == c.FieldId)?.Label ?? c.FieldId).ToList();
        return Render("chat/receipt", new ReceiptModel(
            View(hub), kind.Title, ReplyFormat.Period(kind, period), SubmitterName(hub, kind, submission.SubmitterId), ReplyFormat.Name(action),
            submission.Revision, fields, changed, submission.Late, ReplyFormat.When(period.Due, hub.TimeZone),
            ReplyFormat.When(submission.UpdatedAt, hub.TimeZone), ReplyFormat.Example(kind)));
    }

    /// <summary>Why a submit, revise or withdraw was not done, and what to do instead.</summary>
    /// <exception cref="ArgumentException">The outcome is <see cref="SubmissionOutcome.Saved"/> (answer with
    /// <see cref="Receipt"/>) or <see cref="SubmissionOutcome.Replayed"/> (an HTTP idempotency answer, not a chat one).</exception>
    public Reply Refused(Hub hub, ReportKind kind, Period period, SubmissionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(outcome);
        var name = outcome switch
        {
            SubmissionOutcome.NotOpenYet => "not_open_yet",
            SubmissionOutcome.WindowClosed => "window_closed",
            SubmissionOutcome.AlreadySubmitted => "already_submitted",
            SubmissionOutcome.NotFound => "not_found",
            SubmissionOutcome.IsWithdrawn => "is_withdrawn",
            SubmissionOutcome.PreconditionFailed => "precondition_failed",
            SubmissionOutcome.Invalid => "invalid",
            _ => throw new ArgumentException($"{outcome.GetType().Name} is not a refusal.", nameof(outcome)),
        };
        var reviseField = kind.Fields.FirstOrDefault(f => !f.Required) ?? kind.Fields[0];
        return Render("chat/refused", new RefusedModel(
            View(hub), kind.Title, ReplyFormat.Period(kind, period), name,
            outcome is SubmissionOutcome.NotOpenYet notOpen ? ReplyFormat.When(notOpen.Opens, hub.TimeZone) : null,
            outcome is SubmissionOutcome.WindowClosed closed ? ReplyFormat.When(closed.ClosedAt, hub.TimeZone) : null,
            outcome is SubmissionOutcome.AlreadySubmitted existing ? ReplyFormat.When(existing.Existing.FirstSubmittedAt, hub.TimeZone) : null,
            ReplyFormat.Example(kind), $"{kind.Title} {reviseField.Label}：…",
            outcome is SubmissionOutcome.Invalid invalid ? invalid.Errors.Select(e => e.Chinese).ToList() : []));
    }

    /// <summary>我的报送: each report kind's current period, submitted (on time or late), pending with the due time and
    /// the time left, missing (overdue) or on leave; then, apart, the kinds whose period has not opened yet, with when it
    /// opens — listed so the member knows what is coming, never as owed.</summary>
    public Reply Status(Hub hub, Person person, IReadOnlyList<StatusLine> lines)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(lines);
        var now = time.GetUtcNow();
        List<StatusLineView> Views(bool open) => lines.Where(l => (l.State != SubmitterState.NotOpen) == open).Select(l => new StatusLineView(
            l.Kind.Title, ReplyFormat.Period(l.Kind, l.Period), ReplyFormat.Name(l.State), ReplyFormat.When(l.Period.Due, hub.TimeZone),
            l.SubmittedAt is { } at ? ReplyFormat.When(at, hub.TimeZone) : null,
            l.State == SubmitterState.Pending && now < l.Period.Due ? ReplyFormat.Duration(l.Period.Due - now) : null,
            ReplyFormat.When(l.Period.Opens, hub.TimeZone))).ToList();
        return Render("chat/status", new StatusModel(View(hub), person.Name, UnitName(hub, person.UnitId), Views(open: true), Views(open: false)));
    }

    private static string SubmitterName(Hub hub, ReportKind kind, string submitterId) =>
        (kind.Submitters.Scope == SubmitterScope.Unit ? hub.FindUnit(submitterId)?.Name : hub.FindPerson(submitterId)?.Name) ?? submitterId;
}

using ServerlessHub.Chat;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Replies;

public sealed partial class ChatReplies
{
    /// <summary>The reply to an intent that needs no storage: help, refusals, questions, cancelled interviews, leave
    /// that cannot be granted, and reports whose draft has problems.</summary>
    /// <exception cref="ArgumentException">The intent needs storage (status, a report without problems, withdrawal,
    /// 未交, 催报, leave to record, an interview to start); those have their own methods.</exception>
    public Reply ForIntent(Hub hub, Person sender, ChatIntent intent) => ForIntent(hub, sender, intent, period: null);

    /// <summary>As <see cref="ForIntent(Hub, Person, ChatIntent)"/>; <paramref name="period"/>, when known, is named in
    /// the opening question of an interview (开始填写周报（2026年第48周）).</summary>
    public Reply ForIntent(Hub hub, Person sender, ChatIntent intent, Period? period)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(intent);
        return intent switch
        {
            ShowHelp help => Render("chat/help", new HelpModel(
                View(hub), sender.Name, ReplyFormat.Name(help.Reason), help.Verbs.Select(ReplyFormat.Name).ToList(),
                help.Submittable.Select(Kind).ToList(), help.Queryable.Select(Kind).ToList())),
            NotAllowed refused => Render("chat/not-allowed", new NotAllowedModel(View(hub), ReplyFormat.Name(refused.Verb), refused.Kind?.Title)),
            ChooseReportKind choose => Render("chat/choose-report-kind", new ChooseReportKindModel(
                View(hub), ReplyFormat.Name(choose.Verb), choose.Candidates.Select(k => k.Title).ToList(), choose.Unrecognised is { } u ? ReplyFormat.Clip(u, 20) : null)),
            AskField ask => Render("chat/ask-field", new AskFieldModel(
                View(hub), ask.Kind.Title, period is null ? null : ReplyFormat.PeriodShort(ask.Kind, period), ReplyFormat.Name(ask.Purpose),
                new FieldView(ask.Field.Label, ReplyFormat.Name(ask.Field.Type), ask.Field.Required, ask.Field.MaxLength, ask.Field.Choices),
                ask.Number, ask.Count, ask.Opening, ask.Error is null ? null : FieldErrorText(ask.Error))),
            InterviewCancelled cancelled => Render("chat/interview-cancelled", new InterviewCancelledModel(View(hub), cancelled.Kind.Title, ReplyFormat.Name(cancelled.Purpose))),
            InvalidLeave leave => Render("chat/invalid-leave", new InvalidLeaveModel(
                View(hub), ReplyFormat.Name(leave.Problem), leave.First is { } f ? ReplyFormat.Day(f) : null, leave.Last is { } l ? ReplyFormat.Day(l) : null,
                leave is { First: { } a, Last: { } b } ? b.DayNumber - a.DayNumber + 1 : null, ChatLimits.MaxLeaveDays, ChatLimits.MaxLeaveReasonLength)),
            SubmitReport { Draft.HasProblems: true } submit => DraftProblems(hub, submit.Kind, submit.Draft, InterviewPurpose.Submit),
            ReviseReport { Draft.HasProblems: true } revise => DraftProblems(hub, revise.Kind, revise.Draft, InterviewPurpose.Revise),
            _ => throw new ArgumentException($"{intent.GetType().Name} needs storage: answer it with its own ChatReplies method.", nameof(intent)),
        };
    }

    private Reply DraftProblems(Hub hub, ReportKind kind, ReportDraft draft, InterviewPurpose purpose)
    {
        var sample = purpose == InterviewPurpose.Submit
            ? kind.Fields.Select(f => new SampleLine(f.Label, f.Required))
            : kind.Fields.Take(1).Select(f => new SampleLine(f.Label, Required: true));
        return Render("chat/draft-problems", new DraftProblemsModel(
            View(hub), kind.Title, ReplyFormat.Name(purpose),
            draft.Missing.Select(f => f.Label).ToList(),
            draft.UnknownLabels.Select(l => ReplyFormat.Clip(l, 20)).ToList(),
            kind.Fields.Select(f => f.Label).ToList(),
            draft.Errors.Select(FieldErrorText).ToList(),
            draft.Values.Count == 0 && draft.Missing.Count == 0 && draft.Errors.Count == 0 && draft.UnknownLabels.Count == 0,
            sample.ToList()));
    }

    private string FieldErrorText(FieldError error) =>
        templates.Render("chat/field-error", new FieldErrorModel(
            error.Field.Label, ReplyFormat.Name(error.Code), ReplyFormat.Clip(error.Value, 30), error.Limit ?? error.Field.MaxLength, error.Candidates));

    private static KindView Kind(ReportKind kind) => new(kind.Title, ReplyFormat.Example(kind));
}

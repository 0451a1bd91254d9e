namespace ServerlessHub.Replies;

// The models the chat templates receive: plain values only, prepared by ChatReplies. Property names reach the
// templates in snake_case; enums arrive as snake_case strings (ReplyFormat.Name); times as ready zh-CN strings.

/// <summary>The hub as every chat template sees it.</summary>
internal sealed record HubView(string Name, IReadOnlyList<string> Coordinators);

/// <summary>A report kind with a one-line example of a whole report.</summary>
internal sealed record KindView(string Title, string Example);

/// <summary>A field as an interview asks for it.</summary>
internal sealed record FieldView(string Label, string Type, bool Required, int? MaxLength, IReadOnlyList<string> Choices);

internal sealed record HelpModel(HubView Hub, string Name, string Reason, IReadOnlyList<string> Verbs, IReadOnlyList<KindView> Submittable, IReadOnlyList<KindView> Queryable);

internal sealed record NotAllowedModel(HubView Hub, string Verb, string? Kind);

internal sealed record ChooseReportKindModel(HubView Hub, string Verb, IReadOnlyList<string> Candidates, string? Unrecognised);

internal sealed record FieldErrorModel(string Label, string Code, string Value, int? Limit, IReadOnlyList<string> Candidates);

internal sealed record AskFieldModel(HubView Hub, string Kind, string? Period, string Purpose, FieldView Field, int Number, int Count, bool Opening, string? Error);

internal sealed record InterviewCancelledModel(HubView Hub, string Kind, string Purpose);

internal sealed record InvalidLeaveModel(HubView Hub, string Problem, string? First, string? Last, int? Days, int MaxDays, int MaxReasonLength);

internal sealed record SampleLine(string Label, bool Required);

internal sealed record DraftProblemsModel(
    HubView Hub, string Kind, string Purpose, IReadOnlyList<string> Missing, IReadOnlyList<string> UnknownLabels, IReadOnlyList<string> Labels,
    IReadOnlyList<string> Errors, bool Empty, IReadOnlyList<SampleLine> Sample);

internal sealed record ExpiredModel(HubView Hub, string Kind, string Purpose, int IdleMinutes);

internal sealed record FieldLine(string Label, string Value);

internal sealed record ReceiptModel(
    HubView Hub, string Kind, string Period, string Submitter, string Action, int Revision, IReadOnlyList<FieldLine> Fields,
    IReadOnlyList<string> Changed, bool Late, string Due, string At, string Example);

internal sealed record RefusedModel(HubView Hub, string Kind, string Period, string Outcome, string? Opens, string? Closed, string? SubmittedAt, string Example, string ReviseExample, IReadOnlyList<string> Errors);

internal sealed record StatusLineView(string Kind, string Period, string State, string Due, string? SubmittedAt, string? Left, string Opens);

/// <summary><see cref="Lines"/> are the periods open now (owed, submitted or excused); <see cref="Upcoming"/> those whose
/// current period has not opened yet, kept apart so that nothing reads as owed before it can be submitted.</summary>
internal sealed record StatusModel(HubView Hub, string Name, string? Unit, IReadOnlyList<StatusLineView> Lines, IReadOnlyList<StatusLineView> Upcoming);

internal sealed record MissingModel(
    HubView Hub, string Kind, string Period, string AsOf, string Due, bool PastDue, bool Open, string Opens, int Expected, int Submitted, int OnTime, int Late, int Missing,
    int Pending, int OnLeave, string OnTimeRate, IReadOnlyList<string> MissingNames, IReadOnlyList<string> PendingNames, IReadOnlyList<string> OnLeaveNames);

internal sealed record UrgeModel(HubView Hub, string Kind, string Period, IReadOnlyList<string> Urged, string? NextAllowed, string? Opens = null);

internal sealed record NoCurrentPeriodModel(HubView Hub, string Kind, string Cadence);

internal sealed record UrgeNoticeModel(HubView Hub, string Kind, string Period, string Submitter, string Due, bool PastDue, string Example, string UrgedBy);

internal sealed record LeaveRecordedModel(HubView Hub, string Subject, string First, string Last, int Days, string? Reason);

internal sealed record UnknownSenderModel(HubView Hub, string UserId);

internal sealed record WelcomeModel(HubView Hub, string Name, string? Unit, bool Liaison, bool Coordinator, bool Leader);

internal sealed record UnitReportEntry(string Submitter, string Submitted, bool Late, int Revision, IReadOnlyList<FieldLine> Fields);

internal sealed record UnitReportModel(HubView Hub, string Kind, string Period, string Unit, string Due, bool PastDue, IReadOnlyList<UnitReportEntry> Entries);

internal sealed record UnitChooseModel(HubView Hub, string Kind, string Query, IReadOnlyList<string> Candidates);

using Azure;
using ChatFieldError = ServerlessHub.Chat.FieldError;
using Microsoft.Extensions.Time.Testing;
using ServerlessHub.Chat;
using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Replies;

/// <summary>
/// Every reply variant with a model built from the demo hubs, named as its golden file. "Now" is Thursday
/// 2026-11-26 10:00 in Asia/Shanghai (week 48, due Friday 17:00) unless a case says otherwise.
/// </summary>
internal static class ReplyCases
{
    public static readonly DateTimeOffset Thursday = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Saturday = new(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Hub K = DemoHubs.Kindergartens;
    private static readonly Hub M = DemoHubs.MedicalInsurance;
    private static readonly Person Liaison = K.PersonOf("wangxiaomei");
    private static readonly Person LiaisonCoordinator = K.PersonOf("xudan");
    private static readonly Person Coordinator = K.PersonOf("qianwenbo");
    private static readonly Person Leader = K.PersonOf("gaojianhua");
    private static readonly ReportKind Weekly = K.ReportOf("weekly");
    private static readonly ReportKind Monthly = K.ReportOf("monthly");
    private static readonly ReportKind Clue = M.ReportOf("clue");
    private static readonly ReportKind SemesterPlan = K.ReportOf("semester-plan");

    // Opens 14 days before the term ends (2027-01-08 08:00), so on Thursday its period is current but not open.
    private static readonly ReportKind SemesterSummary = K.ReportOf("semester-summary");
    private static readonly Period Week48 = K.Timeline(Weekly).Containing(Thursday)!;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Thursday.DateTime);

    public static IReadOnlyDictionary<string, Func<Reply>> All { get; } = Build();

    public static TheoryData<string> Names => new(All.Keys);

    public static ChatReplies Replies(DateTimeOffset now) => new(DemoHubs.Templates, new FakeTimeProvider(now));

    private static Dictionary<string, Func<Reply>> Build()
    {
        var thursday = Replies(Thursday);
        var saturday = Replies(Saturday);
        var cases = new Dictionary<string, Func<Reply>>(StringComparer.Ordinal);
        void Add(string name, Func<Reply> reply) => cases.Add(name, reply);
        Reply Intent(Person sender, ChatIntent intent, Period? period = null) => thursday.ForIntent(K, sender, intent, period);
        Reply Parsed(Hub hub, Person sender, string text) => thursday.ForIntent(hub, sender, ChatCommandParser.Parse(text, sender, hub.Definition, Today));

        Add("help-liaison", () => Parsed(K, Liaison, "帮助"));
        Add("help-liaison-coordinator", () => Parsed(K, LiaisonCoordinator, "帮助"));
        Add("help-coordinator", () => Parsed(K, Coordinator, "帮助"));
        Add("help-leader", () => Parsed(K, Leader, "帮助"));
        Add("help-not-understood", () => Parsed(K, Liaison, "你好，请问这周要交什么"));
        Add("help-no-interview", () => Parsed(K, Liaison, "取消"));
        Add("help-clue-liaison", () => Parsed(M, M.PersonOf("hejianjun"), "帮助"));
        Add("help-liaison-not-submitting-clue", () => Parsed(M, M.PersonOf("xieming"), "帮助"));

        Add("not-allowed-missing", () => Parsed(K, Liaison, "未交 周报"));
        Add("not-allowed-urge", () => Parsed(K, Leader, "催报 周报"));
        Add("not-allowed-leave", () => Parsed(K, Coordinator, "请假 明天"));
        Add("not-allowed-submit-kind", () => Parsed(M, M.PersonOf("xieming"), "线索通报"));
        Add("not-allowed-submit", () => Intent(Coordinator, new NotAllowed(ChatVerb.Submit, null)));

        Add("choose-report-kind-revise", () => Parsed(K, Liaison, "修改"));
        Add("choose-report-kind-urge", () => Parsed(K, Coordinator, "催报"));
        Add("choose-report-kind-unrecognised", () => Intent(Coordinator, new ChooseReportKind(ChatVerb.Missing, K.Definition.Reports, "年报")));
        Add("choose-report-kind-none", () => Intent(Liaison, new ChooseReportKind(ChatVerb.Withdraw, [], null)));

        var progress = Weekly.Fields[0];
        var problems = Weekly.Fields[1];
        var sessions = Weekly.Fields[3];
        var severity = Clue.Fields[2];
        var foundOn = Clue.Fields[1];
        Add("ask-field-opening", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Submit, progress, 1, 4, true, null), Week48));
        Add("ask-field-opening-without-period", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Submit, progress, 1, 4, true, null)));
        Add("ask-field-optional", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Submit, problems, 2, 4, false, null)));
        Add("ask-field-number", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Submit, sessions, 4, 4, false, null)));
        Add("ask-field-choice", () => Intent(Liaison, new AskField(Clue, InterviewPurpose.Submit, severity, 3, 3, false, null)));
        Add("ask-field-date", () => Intent(Liaison, new AskField(Clue, InterviewPurpose.Submit, foundOn, 2, 3, false, null)));
        Add("ask-field-revise-opening", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Revise, progress, 1, 4, true, null), Week48));
        Add("ask-field-error-too-long", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Submit, progress, 1, 4, false,
            new ChatFieldError(progress, FieldErrorCode.TooLong, new string('好', 50) + "…", 2000, []))));
        Add("ask-field-error-not-a-number", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Submit, sessions, 4, 4, false,
            new ChatFieldError(sessions, FieldErrorCode.NotANumber, "三场", null, []))));
        Add("ask-field-error-not-a-choice", () => Intent(Liaison, new AskField(Clue, InterviewPurpose.Submit, severity, 3, 3, false,
            new ChatFieldError(severity, FieldErrorCode.NotAChoice, "很急", null, severity.Choices))));
        Add("ask-field-error-ambiguous-choice", () => Intent(Liaison, new AskField(Clue, InterviewPurpose.Submit, severity, 3, 3, false,
            new ChatFieldError(severity, FieldErrorCode.AmbiguousChoice, "重", null, ["较重", "严重"]))));
        Add("ask-field-error-not-a-date", () => Intent(Liaison, new AskField(Clue, InterviewPurpose.Submit, foundOn, 2, 3, false,
            new ChatFieldError(foundOn, FieldErrorCode.NotADate, "上上周", null, []))));
        Add("ask-field-error-repeated", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Submit, problems, 2, 4, false,
            new ChatFieldError(problems, FieldErrorCode.Repeated, "场地不足", null, []))));
        Add("ask-field-error-required", () => Intent(Liaison, new AskField(Weekly, InterviewPurpose.Submit, progress, 1, 4, false,
            new ChatFieldError(progress, FieldErrorCode.Required, "跳过", null, []))));

        Add("interview-cancelled-submit", () => Intent(Liaison, new InterviewCancelled(Weekly, InterviewPurpose.Submit)));
        Add("interview-cancelled-revise", () => Intent(Liaison, new InterviewCancelled(Weekly, InterviewPurpose.Revise)));

        Add("invalid-leave-no-dates", () => Parsed(K, Liaison, "请假"));
        Add("invalid-leave-unreadable-dates", () => Parsed(K, Liaison, "请假 下下周"));
        Add("invalid-leave-unreadable-last", () => Parsed(K, Liaison, "请假 12月1日至下下周"));
        Add("invalid-leave-reversed", () => Parsed(K, Liaison, "请假 12月5日至12月1日"));
        Add("invalid-leave-too-long", () => Parsed(K, Liaison, "请假 12月1日至2027年3月31日"));
        Add("invalid-leave-starts-in-past", () => Parsed(K, Liaison, "请假 11月20日"));
        Add("invalid-leave-reason-too-long", () => Parsed(K, Liaison, "请假 明天 " + new string('因', 201)));

        Add("draft-submit-missing", () => Parsed(K, Liaison, "周报 存在问题：场地不足"));
        Add("draft-submit-unknown-labels", () => Parsed(K, Liaison, "周报 进展：开展户外游戏观摩\n计划：整理案例"));
        Add("draft-submit-errors", () => Parsed(K, Liaison, "周报\n本周进展：开展户外游戏观摩\n下周计划：整理案例\n活动场次：三场"));
        Add("draft-submit-choice-and-date", () => Parsed(M, M.PersonOf("hejianjun"), "线索通报 线索摘要：某诊所串换药品\n发现日期：上上周\n紧急程度：很急"));
        Add("draft-revise-empty", () => Intent(Liaison, new ReviseReport(Weekly, new ReportDraft([], [], [], [], null), null)));
        Add("draft-revise-error", () => Parsed(K, Liaison, "修改 周报 活动场次：很多"));

        cases.Add("expired-submit", () => thursday.Expired(K, Conversation(InterviewPurpose.Submit)));
        cases.Add("expired-revise", () => thursday.Expired(K, Conversation(InterviewPurpose.Revise)));

        var sent = Submission(Thursday, late: false, revision: 1);
        Add("receipt-submitted", () => thursday.Receipt(K, Weekly, Week48, sent, RevisionAction.Submitted, []));
        Add("receipt-submitted-late", () => saturday.Receipt(K, Weekly, Week48, Submission(Saturday, late: true, revision: 1), RevisionAction.Submitted, []));
        Add("receipt-resubmitted", () => thursday.Receipt(K, Weekly, Week48, Submission(Thursday, late: false, revision: 3), RevisionAction.Resubmitted, []));
        Add("receipt-revised", () => thursday.Receipt(K, Weekly, Week48, Submission(Thursday, late: false, revision: 2), RevisionAction.Revised,
            [new FieldChange("problems", "场地不足", "户外场地不足，雨天活动受限"), new FieldChange("sessions", null, "3")]));
        Add("receipt-revised-unchanged", () => thursday.Receipt(K, Weekly, Week48, Submission(Thursday, late: false, revision: 2), RevisionAction.Revised, []));
        Add("receipt-withdrawn", () => thursday.Receipt(K, Weekly, Week48, Submission(Thursday, late: false, revision: 2) with { Withdrawn = true }, RevisionAction.Withdrawn, []));
        Add("receipt-monthly", () => thursday.Receipt(K, Monthly, OctoberOf(K), new Submission(K.Id, "monthly", "2026-10", "guli", "guli",
            new Dictionary<string, string> { ["progress"] = "完成10月课程游戏化观摩", ["plan"] = "11月开展区域活动评比", ["participants"] = "126" },
            SubmissionChannel.WeComApp, "lijing", Thursday, Thursday, true, 1, false), RevisionAction.Submitted, []));
        Add("receipt-semester", () => thursday.Receipt(K, K.ReportOf("semester-plan"), K.Timeline(K.ReportOf("semester-plan")).Containing(Thursday)!,
            new Submission(K.Id, "semester-plan", "2026-2027-1", "moling", "moling",
                new Dictionary<string, string> { ["goals"] = "围绕课程游戏化，建设户外游戏场地并开展教研", ["measures"] = "每月一次园本教研", ["planned-sessions"] = "12" },
                SubmissionChannel.WeComApp, "wangxiaomei", Thursday, Thursday, true, 1, false), RevisionAction.Submitted, []));
        Add("receipt-adhoc", () => thursday.Receipt(M, Clue, ClueWindow(), new Submission(M.Id, "clue", "clue-2026-11-26", "wjj", "wjj",
            new Dictionary<string, string> { ["summary"] = "某诊所疑似串换药品", ["found-on"] = "2026-11-25", ["severity"] = "较重" },
            SubmissionChannel.WeComApp, "hejianjun", Thursday, Thursday, false, 1, false), RevisionAction.Submitted, []));

        Add("refused-not-open-yet", () => thursday.Refused(K, Weekly, K.Timeline(Weekly).Next(Week48)!, new SubmissionOutcome.NotOpenYet(K.Timeline(Weekly).Next(Week48)!.Opens)));
        Add("refused-window-closed", () => thursday.Refused(K, Weekly, K.Timeline(Weekly).Previous(K.Timeline(Weekly).Previous(Week48)!)!, new SubmissionOutcome.WindowClosed(K.Timeline(Weekly).Previous(Week48)!.Due)));
        Add("refused-already-submitted", () => thursday.Refused(K, Weekly, Week48, new SubmissionOutcome.AlreadySubmitted(Submission(Thursday.AddHours(-20), late: false, revision: 1))));
        Add("refused-not-found", () => thursday.Refused(K, Weekly, Week48, new SubmissionOutcome.NotFound()));
        Add("refused-is-withdrawn", () => thursday.Refused(K, Weekly, Week48, new SubmissionOutcome.IsWithdrawn()));
        Add("refused-precondition-failed", () => thursday.Refused(K, Weekly, Week48, new SubmissionOutcome.PreconditionFailed()));
        Add("refused-invalid", () => thursday.Refused(K, Weekly, Week48, new SubmissionOutcome.Invalid(
            SubmissionFields.Validate(Weekly, new Dictionary<string, string?> { ["problems"] = "无", ["sessions"] = "三" }).Errors)));

        Add("status-liaison", () => thursday.Status(K, Liaison,
        [
            new StatusLine(Weekly, Week48, SubmitterState.Pending, null),
            new StatusLine(Monthly, OctoberOf(K), SubmitterState.Late, new DateTimeOffset(2026, 11, 6, 9, 12, 0, TimeSpan.FromHours(8))),
            new StatusLine(K.ReportOf("semester-plan"), K.Timeline(K.ReportOf("semester-plan")).Containing(Thursday)!, SubmitterState.OnTime, new DateTimeOffset(2026, 9, 10, 16, 5, 0, TimeSpan.FromHours(8))),
        ]));
        Add("status-missing-and-leave", () => saturday.Status(K, Liaison,
        [
            new StatusLine(Weekly, Week48, SubmitterState.Missing, null),
            new StatusLine(Monthly, OctoberOf(K), SubmitterState.OnLeave, null),
        ]));
        Add("status-nothing-owed", () => thursday.Status(K, Leader, []));
        Add("status-with-not-open", () => thursday.Status(K, Liaison,
        [
            new StatusLine(Weekly, Week48, SubmitterState.Pending, null),
            new StatusLine(Monthly, K.Timeline(Monthly).Containing(Thursday)!, SubmitterState.Pending, null),
            new StatusLine(SemesterPlan, SemesterOf(SemesterPlan), SubmitterState.OnTime, new DateTimeOffset(2026, 9, 10, 16, 5, 0, TimeSpan.FromHours(8))),
            new StatusLine(SemesterSummary, SemesterOf(SemesterSummary), SubmitterState.NotOpen, null),
        ]));
        Add("status-only-not-open", () => thursday.Status(K, Liaison, [new StatusLine(SemesterSummary, SemesterOf(SemesterSummary), SubmitterState.NotOpen, null)]));

        Add("missing-past-due", () => saturday.Missing(K, Weekly, WeekStatus(Saturday)));
        Add("missing-before-due", () => thursday.Missing(K, Weekly, WeekStatus(Thursday)));
        Add("missing-all-submitted", () => saturday.Missing(K, Weekly, PeriodStatus.Compute(K, Weekly, Week48,
            K.ExpectedSubmitters(Weekly).Select(s => Submission(Thursday, late: false, revision: 1) with { SubmitterId = s.Id, UnitId = s.UnitId }), [], Saturday)));
        Add("missing-not-open", () => thursday.Missing(K, SemesterSummary, PeriodStatus.Compute(K, SemesterSummary, SemesterOf(SemesterSummary), [],
            [new LeaveRecord(K.Id, "l3", LeaveSubject.Unit, "zhushan", new DateOnly(2027, 1, 18), new DateOnly(2027, 1, 29), "园所改造", "zhuying", Thursday)], Thursday)));

        var missingUnits = K.ExpectedSubmitters(Weekly).Skip(10).ToList();
        Add("urge-sent", () => saturday.UrgeSent(K, Weekly, Week48, missingUnits));
        Add("urge-already-sent", () => saturday.UrgeAlreadySent(K, Weekly, Week48, Saturday.AddHours(2)));
        Add("urge-nothing-missing", () => saturday.UrgeNothingMissing(K, Weekly, Week48));
        Add("urge-nothing-missing-not-open", () => thursday.UrgeNothingMissing(K, SemesterSummary, SemesterOf(SemesterSummary)));
        Add("urge-notice-before-due", () => thursday.UrgeNotice(K, Weekly, Week48, missingUnits[0], Coordinator.Name));
        Add("urge-notice-overdue", () => saturday.UrgeNotice(K, Weekly, Week48, missingUnits[0], Coordinator.Name));

        Add("leave-recorded-unit", () => thursday.LeaveRecorded(K, new LeaveRecord(K.Id, "l1", LeaveSubject.Unit, "moling",
            new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3), "外出培训", "wangxiaomei", Thursday)));
        Add("leave-recorded-one-day", () => thursday.LeaveRecorded(K, new LeaveRecord(K.Id, "l2", LeaveSubject.Person, "wangxiaomei",
            new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27), "", "wangxiaomei", Thursday)));

        Add("unknown-sender", () => thursday.UnknownSender(K, "zhangsan01"));
        Add("unknown-sender-notice", () => thursday.UnknownSenderNotice(K, "zhangsan01"));
        Add("welcome-liaison", () => thursday.Welcome(K, Liaison));
        Add("welcome-coordinator", () => thursday.Welcome(K, Coordinator));
        Add("welcome-leader", () => thursday.Welcome(K, Leader));
        return cases;
    }

    public static Submission Submission(DateTimeOffset at, bool late, int revision) => new(
        K.Id, "weekly", Week48.Key, "moling", "moling",
        new Dictionary<string, string>
        {
            ["progress"] = "开展户外自主游戏观摩活动，完成两个班级的游戏故事记录",
            ["problems"] = "户外场地不足，雨天活动受限",
            ["plan"] = "整理游戏故事案例，参加片区教研",
            ["sessions"] = "3",
        },
        SubmissionChannel.WeComApp, "wangxiaomei", at, at, late, revision, false);

    private static Conversation Conversation(InterviewPurpose purpose) =>
        new(K.Id, "wangxiaomei", "weekly", purpose, new Dictionary<string, string>(), 1, null, Thursday.AddHours(-1), Thursday.AddMinutes(-30));

    private static Period OctoberOf(Hub hub) => hub.Timeline(hub.ReportOf("monthly")).FromKey("2026-10")!;

    private static Period SemesterOf(ReportKind kind) => K.Timeline(kind).Containing(Thursday)!;

    private static Period ClueWindow() => M.Timeline(Clue).AdHoc("clue-2026-11-26", new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 1));

    private static PeriodStatus WeekStatus(DateTimeOffset now)
    {
        var expected = K.ExpectedSubmitters(Weekly);
        var submissions = expected.Take(9).Select((s, i) => Submission(i < 7 ? Thursday : Saturday, late: i >= 7, revision: 1) with { SubmitterId = s.Id, UnitId = s.UnitId })
            .Where(s => s.FirstSubmittedAt <= now);
        var leave = new LeaveRecord(K.Id, "l1", LeaveSubject.Unit, expected[9].UnitId, new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 28), "外出培训", "wuqian", Thursday);
        return PeriodStatus.Compute(K, Weekly, Week48, submissions, [leave], now);
    }

    public static SubmissionOutcome Saved() => new SubmissionOutcome.Saved(Submission(Thursday, false, 1), new ETag("\"1\""), true, new SubmissionRevision(1, RevisionAction.Submitted, Thursday, "wangxiaomei", SubmissionChannel.Http, []));
}

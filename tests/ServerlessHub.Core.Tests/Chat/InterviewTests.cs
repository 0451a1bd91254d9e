using System.Text.Json;
using Xunit;
using static ServerlessHub.Chat.ChatHubs;

namespace ServerlessHub.Chat;

/// <summary>Reports asked for field by field through <see cref="ChatTurn.Handle"/>.</summary>
public sealed class InterviewTests
{
    // 10:00 in Shanghai on Wednesday 2026-11-25.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private DateTimeOffset now = Now;
    private Conversation? conversation;

    [Fact]
    public void Handle_KindAlone_StartsAndAsksTheFirstField()
    {
        var ask = Send<AskField>("周报");

        Assert.Equal(("progress", 1, 4, true, InterviewPurpose.Submit), (ask.Field.Id, ask.Number, ask.Count, ask.Opening, ask.Purpose));
        Assert.Null(ask.Error);
        Assert.Equal(("jiangning-kindergartens", "wangxiaomei", "weekly", 0), (conversation!.HubId, conversation.UserId, conversation.ReportId, conversation.FieldIndex));
        Assert.Equal((Now, Now.AddMinutes(30)), (conversation.Started, conversation.Expires));
    }

    [Fact]
    public void Handle_AnswersWithSkipOfOptionalField_CompletesWithTheAnswers()
    {
        Send<AskField>("周报");
        Assert.Equal("problems", Send<AskField>("开展户外自主游戏观摩活动").Field.Id);
        Assert.Equal("plan", Send<AskField>("跳过").Field.Id);
        var last = Send<AskField>("组织课程故事分享会");
        Assert.Equal(("sessions", 4, false), (last.Field.Id, last.Number, last.Field.Required));

        var report = Send<SubmitReport>("3场");

        Assert.Null(conversation);
        Assert.Equal(
            new Dictionary<string, string> { ["progress"] = "开展户外自主游戏观摩活动", ["plan"] = "组织课程故事分享会", ["sessions"] = "3" },
            Values(report.Draft));
        Assert.False(report.Draft.HasProblems);
    }

    [Fact]
    public void Handle_SkipOnRequiredField_AsksAgainWithReason()
    {
        Send<AskField>("周报");

        var again = Send<AskField>("跳过");

        Assert.Equal(("progress", FieldErrorCode.Required, false), (again.Field.Id, again.Error?.Code, again.Opening));
        Assert.Equal(0, conversation!.FieldIndex);
    }

    [Fact]
    public void Handle_BadNumber_AsksAgainWithTheError()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");
        Send<AskField>("跳过");
        Send<AskField>("总结");

        var again = Send<AskField>("很多场");

        Assert.Equal(("sessions", FieldErrorCode.NotANumber, "很多场"), (again.Field.Id, again.Error?.Code, again.Error?.Value));
        Assert.Equal("5", Values(Send<SubmitReport>("5").Draft)["sessions"]);
    }

    [Fact]
    public void Handle_Cancel_EndsWithoutStoring()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");

        var cancelled = Send<InterviewCancelled>("取消");

        Assert.Equal(("weekly", InterviewPurpose.Submit), (cancelled.Kind.Id, cancelled.Purpose));
        Assert.Null(conversation);
    }

    [Fact]
    public void Handle_HelpDuringInterview_AnswersAndRepeatsTheQuestion()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");

        var result = Handle("帮助");

        Assert.IsType<ShowHelp>(result.Intent);
        Assert.Equal("problems", result.Pending?.Field.Id);
        Assert.Equal(1, result.Conversation?.FieldIndex);
    }

    [Fact]
    public void Handle_StatusDuringInterview_AnswersAndKeepsTheInterview()
    {
        Send<AskField>("周报");

        var result = Handle("状态");

        Assert.IsType<ShowStatus>(result.Intent);
        Assert.Equal("progress", result.Pending?.Field.Id);
        Assert.NotNull(result.Conversation);
    }

    [Fact]
    public void Handle_SameKindNameDuringInterview_RepeatsTheQuestion()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");

        var again = Send<AskField>("周报");

        Assert.Equal(("problems", false, (FieldError?)null), (again.Field.Id, again.Opening, again.Error));
        Assert.Equal("观摩", conversation!.Values["progress"]);
    }

    [Fact]
    public void Handle_OtherKindNameDuringInterview_StartsThatInterview()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");

        var first = Send<AskField>("月报");

        Assert.Equal(("monthly", "progress", true), (first.Kind.Id, first.Field.Id, first.Opening));
        Assert.Empty(conversation!.Values);
    }

    [Fact]
    public void Handle_OtherCommandWordDuringInterview_IsAnAnswer()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");

        Send<AskField>("请假人员较多，人手紧张");

        Assert.Equal("请假人员较多，人手紧张", conversation!.Values["problems"]);
    }

    [Fact]
    public void Handle_AnswerEchoingTheLabel_IsJustTheAnswer()
    {
        Send<AskField>("周报");

        var next = Send<AskField>("本周进展：完成课程审议");

        Assert.Equal("problems", next.Field.Id);
        Assert.Equal("完成课程审议", conversation!.Values["progress"]);
    }

    [Fact]
    public void Handle_WholeReportOfSameKindDuringInterview_CompletesAtOnceOverTheAnswers()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");

        var report = Send<SubmitReport>("周报\n存在问题：场地不足\n下周计划：总结");

        Assert.Null(conversation);
        Assert.Equal(
            new Dictionary<string, string> { ["progress"] = "观摩", ["problems"] = "场地不足", ["plan"] = "总结" },
            Values(report.Draft));
        Assert.False(report.Draft.HasProblems);
    }

    [Fact]
    public void Handle_WholeReportOfAnotherKindDuringInterview_EndsItAndSubmitsThatKind()
    {
        Send<AskField>("周报");

        var report = Send<SubmitReport>("月报\n本月工作：课程审议\n下月计划：总结");

        Assert.Equal("monthly", report.Kind.Id);
        Assert.Null(conversation);
    }

    [Fact]
    public void Handle_LabelledFieldsCoveringRequired_CompleteAtOnce()
    {
        Send<AskField>("周报");

        var report = Send<SubmitReport>("本周进展：观摩；下周计划：总结");

        Assert.Equal(new Dictionary<string, string> { ["progress"] = "观摩", ["plan"] = "总结" }, Values(report.Draft));
    }

    [Fact]
    public void Handle_LabelledOtherFieldWithRequiredLeft_IsTakenAndTheInterviewGoesOn()
    {
        Send<AskField>("周报");

        var next = Send<AskField>("存在问题：场地不足");

        Assert.Equal("progress", next.Field.Id);
        Assert.Equal("plan", Send<AskField>("观摩").Field.Id);
        Assert.Equal("sessions", Send<AskField>("总结").Field.Id);
        Assert.Equal(
            new Dictionary<string, string> { ["progress"] = "观摩", ["problems"] = "场地不足", ["plan"] = "总结" },
            Values(Send<SubmitReport>("跳过").Draft));
    }

    [Fact]
    public void Handle_LabelledLastRequiredField_CompletesWithoutAskingOptionalOnes()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");

        var report = Send<SubmitReport>("下周计划：总结");

        Assert.Equal(new Dictionary<string, string> { ["progress"] = "观摩", ["plan"] = "总结" }, Values(report.Draft));
    }

    [Fact]
    public void Handle_LabelledFieldWithError_AsksThatField()
    {
        Send<AskField>("周报");

        var again = Send<AskField>("本周进展：观摩；活动场次：很多");

        Assert.Equal(("sessions", FieldErrorCode.NotANumber), (again.Field.Id, again.Error?.Code));
        Assert.Equal("观摩", conversation!.Values["progress"]);
        Assert.Equal("plan", Send<AskField>("3").Field.Id);
    }

    [Fact]
    public void Handle_AfterIdleTimeout_ReadsFreshCommandAndReportsExpiry()
    {
        Send<AskField>("周报");
        var started = conversation;
        now = Now.AddMinutes(30);

        var result = Handle("状态");

        Assert.IsType<ShowStatus>(result.Intent);
        Assert.Same(started, result.Expired);
        Assert.Null(result.Conversation);
    }

    [Fact]
    public void Handle_EachAnswer_PushesExpiryOn()
    {
        Send<AskField>("周报");
        now = Now.AddMinutes(29);
        Send<AskField>("观摩");
        now = Now.AddMinutes(58);

        var result = Handle("跳过");

        Assert.Null(result.Expired);
        Assert.Equal(Now.AddMinutes(88), result.Conversation?.Expires);
    }

    [Fact]
    public void Handle_ExpiredThenKindAgain_StartsANewInterviewAndReportsExpiry()
    {
        Send<AskField>("周报");
        Send<AskField>("观摩");
        now = Now.AddHours(2);

        var result = Handle("周报");

        Assert.True(Assert.IsType<AskField>(result.Intent).Opening);
        Assert.NotNull(result.Expired);
        Assert.Empty(result.Conversation!.Values);
    }

    [Fact]
    public void Handle_KindRemovedFromHub_TreatsTheInterviewAsExpired()
    {
        Send<AskField>("月报");

        var result = ChatTurn.Handle(WeeklyOnly, Liaison, conversation, "帮助", now);

        Assert.IsType<ShowHelp>(result.Intent);
        Assert.NotNull(result.Expired);
    }

    [Fact]
    public void Handle_RevisionInterview_SkipKeepsAndAnswersChange()
    {
        var first = Send<AskField>("修改 周报 上周");
        Assert.Equal((InterviewPurpose.Revise, true), (first.Purpose, first.Opening));
        Send<AskField>("跳过");
        Send<AskField>("户外场地不足");
        Send<AskField>("跳过");

        var revise = Send<ReviseReport>("跳过");

        Assert.Equal(new Dictionary<string, string> { ["problems"] = "户外场地不足" }, Values(revise.Draft));
        Assert.Equal("上周", revise.Period?.Text);
        Assert.Empty(revise.Draft.Missing);
    }

    [Fact]
    public void Handle_RevisionInterviewAllSkipped_RevisesNothing()
    {
        Send<AskField>("修改 周报");
        for (var i = 0; i < 3; i++)
        {
            Send<AskField>("跳过");
        }

        var revise = Send<ReviseReport>("跳过");

        Assert.Empty(revise.Draft.Values);
        Assert.True(revise.Draft.HasProblems);
    }

    [Fact]
    public void Handle_RevisionInterviewLabelledField_CompletesAtOnce()
    {
        Send<AskField>("修改 周报");

        var revise = Send<ReviseReport>("下周计划：改为开展家长开放日");

        Assert.Equal(new Dictionary<string, string> { ["plan"] = "改为开展家长开放日" }, Values(revise.Draft));
    }

    [Fact]
    public void Handle_InterviewWithDateAndChoice_KeepsTypedValues()
    {
        var hub = Medical;
        var sender = Person(hub, "hejianjun");
        var start = ChatTurn.Handle(hub, sender, null, "线索通报", now);
        var step = ChatTurn.Handle(hub, sender, start.Conversation, "某诊所虚开票据", now);
        step = ChatTurn.Handle(hub, sender, step.Conversation, "11月20日", now);
        var again = ChatTurn.Handle(hub, sender, step.Conversation, "重", now);
        Assert.Equal(FieldErrorCode.AmbiguousChoice, Assert.IsType<AskField>(again.Intent).Error?.Code);

        var done = ChatTurn.Handle(hub, sender, again.Conversation, "严重", now);

        var values = Assert.IsType<SubmitReport>(done.Intent).Draft.Values.ToDictionary(v => v.Field.Id);
        Assert.Equal(new DateOnly(2026, 11, 20), values["found-on"].Date);
        Assert.Equal("严重", values["severity"].Text);
    }

    [Fact]
    public void Step_ConversationOfAnotherPerson_Throws()
    {
        Send<AskField>("周报");

        Assert.Throws<ArgumentException>(() => Interview.Step(conversation!, "观摩", Kindergartens, LiaisonCoordinator, now));
    }

    [Fact]
    public void Conversation_RoundTripsThroughJson()
    {
        Send<AskField>("周报 上周");
        Send<AskField>("观摩");

        var json = JsonSerializer.Serialize(conversation!, ChatJsonContext.Default.Conversation);
        var back = JsonSerializer.Deserialize(json, ChatJsonContext.Default.Conversation)!;

        Assert.Contains("\"purpose\":\"Submit\"", json, StringComparison.Ordinal);
        Assert.Equal(conversation!.Values, back.Values);
        Assert.Equal(conversation with { Values = back.Values }, back);
        Assert.Equal("plan", Assert.IsType<AskField>(ChatTurn.Handle(Kindergartens, Liaison, back, "跳过", now).Intent).Field.Id);
    }

    private ChatTurnResult Handle(string text)
    {
        var result = ChatTurn.Handle(Kindergartens, Liaison, conversation, text, now);
        conversation = result.Conversation;
        return result;
    }

    private T Send<T>(string text)
        where T : ChatIntent
    {
        var result = Handle(text);
        Assert.Null(result.Expired);
        return Assert.IsType<T>(result.Intent);
    }
}

using Xunit;
using static ServerlessHub.Chat.ChatHubs;

namespace ServerlessHub.Chat;

/// <summary>One-word commands, 修改 / 撤回 / 未交 / 催报, permissions, ambiguity and help.</summary>
public sealed class ChatCommandParserTests
{
    [Theory]
    [InlineData("帮助")]
    [InlineData("？")]
    [InlineData("?")]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("帮助。")]
    [InlineData("@报送助手 帮助")]
    [InlineData("  帮助\n")]
    public void Parse_HelpWords_ShowsHelpAsAsked(string text)
    {
        Assert.Equal(HelpReason.Asked, Parse<ShowHelp>(text).Reason);
    }

    [Theory]
    [InlineData("状态")]
    [InlineData("我的")]
    [InlineData("我的状态？")]
    public void Parse_StatusWords_ShowsStatus(string text)
    {
        Parse<ShowStatus>(text);
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("今天天气不错")]
    [InlineData("")]
    [InlineData("@报送助手")]
    [InlineData("帮助我一下")]
    [InlineData("修改意见很多")]
    [InlineData("请假条已交")]
    public void Parse_UnknownText_ShowsHelpAsNotUnderstood(string text)
    {
        Assert.Equal(HelpReason.NotUnderstood, Parse<ShowHelp>(text).Reason);
    }

    [Theory]
    [InlineData("取消")]
    [InlineData("跳过")]
    public void Parse_InterviewWordWithoutInterview_ShowsHelpSayingSo(string text)
    {
        Assert.Equal(HelpReason.NoInterview, Parse<ShowHelp>(text).Reason);
    }

    [Fact]
    public void Help_Liaison_ListsReportingVerbsAndKindsButNoCoordinatorVerbs()
    {
        var help = Parse<ShowHelp>("帮助", Liaison);

        Assert.Equal([ChatVerb.Submit, ChatVerb.Revise, ChatVerb.Withdraw, ChatVerb.Status, ChatVerb.Leave, ChatVerb.Help], help.Verbs);
        Assert.Equal(["周报", "月通报", "学期计划", "学期小结"], help.Submittable.Select(k => k.Title));
        Assert.Empty(help.Queryable);
    }

    [Fact]
    public void Help_Coordinator_ListsMissingAndUrgeAndNoReporting()
    {
        var help = Parse<ShowHelp>("随便说说", Coordinator);

        Assert.Equal([ChatVerb.Status, ChatVerb.Missing, ChatVerb.Urge, ChatVerb.Digest, ChatVerb.Show, ChatVerb.Help], help.Verbs);
        Assert.Empty(help.Submittable);
        Assert.Equal(4, help.Queryable.Count);
    }

    [Fact]
    public void Help_LiaisonCoordinator_ListsBoth()
    {
        var help = Parse<ShowHelp>("帮助", LiaisonCoordinator);

        Assert.Equal(
            [ChatVerb.Submit, ChatVerb.Revise, ChatVerb.Withdraw, ChatVerb.Status, ChatVerb.Leave, ChatVerb.Missing, ChatVerb.Urge, ChatVerb.Digest, ChatVerb.Show, ChatVerb.Help],
            help.Verbs);
    }

    [Fact]
    public void Help_Leader_ListsMissingButNotUrge()
    {
        Assert.Equal([ChatVerb.Status, ChatVerb.Missing, ChatVerb.Digest, ChatVerb.Show, ChatVerb.Help], Parse<ShowHelp>("帮助", Leader).Verbs);
    }

    [Fact]
    public void Help_LiaisonOfUnitOutsideAKind_DoesNotListThatKind()
    {
        var help = Parse<ShowHelp>("帮助", Person(Medical, "xieming"), Medical);

        Assert.Equal(["周报", "月通报"], help.Submittable.Select(k => k.Title));
    }

    [Theory]
    [InlineData("撤回 周报")]
    [InlineData("撤回周报")]
    [InlineData("撤回：周报")]
    [InlineData("撤销 本周进展")]
    public void Parse_WithdrawNamingKind_Withdraws(string text)
    {
        var withdraw = Parse<WithdrawReport>(text);

        Assert.Equal("weekly", withdraw.Kind.Id);
        Assert.Null(withdraw.Period);
    }

    [Fact]
    public void Parse_WithdrawLastWeek_CarriesTheHint()
    {
        var withdraw = Parse<WithdrawReport>("撤回 周报 上周");

        Assert.Equal(new PeriodHint("上周", new DateOnly(2026, 11, 18)), withdraw.Period);
    }

    [Fact]
    public void Parse_WithdrawWithReason_IgnoresTheReason()
    {
        Assert.Equal("monthly", Parse<WithdrawReport>("撤回 月报 数字填错了").Kind.Id);
    }

    [Fact]
    public void Parse_BareWithdrawInSingleKindHub_MeansThatKind()
    {
        Assert.Equal("weekly", Parse<WithdrawReport>("撤回", hub: WeeklyOnly).Kind.Id);
    }

    [Fact]
    public void Parse_BareWithdrawWithSeveralKinds_AsksWhich()
    {
        var choose = Parse<ChooseReportKind>("撤回");

        Assert.Equal(ChatVerb.Withdraw, choose.Verb);
        Assert.Equal(["周报", "月通报", "学期计划", "学期小结"], choose.Candidates.Select(k => k.Title));
        Assert.Null(choose.Unrecognised);
    }

    [Fact]
    public void Parse_WithdrawUnknownKind_AsksWhichAndEchoesTheWords()
    {
        var choose = Parse<ChooseReportKind>("撤回 季报");

        Assert.Equal("季报", choose.Unrecognised);
    }

    [Fact]
    public void Parse_WithdrawWithWeekWordOnly_NarrowsToTheWeeklyKind()
    {
        var withdraw = Parse<WithdrawReport>("撤回 上周");

        Assert.Equal("weekly", withdraw.Kind.Id);
        Assert.Equal(new DateOnly(2026, 11, 18), withdraw.Period?.Day);
    }

    [Fact]
    public void Parse_BareReviseForLiaisonOfOneSubmittingUnit_NarrowsToKindsTheyMaySubmit()
    {
        var choose = Parse<ChooseReportKind>("修改", Person(Medical, "xieming"), Medical);

        Assert.Equal(["周报", "月通报"], choose.Candidates.Select(k => k.Title));
    }

    [Fact]
    public void Parse_ReviseKindAlone_StartsRevisionInterview()
    {
        var start = Parse<StartInterview>("修改 周报");

        Assert.Equal(("weekly", InterviewPurpose.Revise), (start.Kind.Id, start.Purpose));
    }

    [Fact]
    public void Parse_ReviseWithFields_CarriesOnlyThoseAndNoMissing()
    {
        var revise = Parse<ReviseReport>("修改 周报\n存在问题：户外场地不足；活动场次：6场");

        Assert.Equal(new Dictionary<string, string> { ["problems"] = "户外场地不足", ["sessions"] = "6" }, Values(revise.Draft));
        Assert.Empty(revise.Draft.Missing);
        Assert.False(revise.Draft.HasProblems);
    }

    [Fact]
    public void Parse_ReviseFieldsWithoutKindInSingleKindHub_RevisesThatKind()
    {
        var revise = Parse<ReviseReport>("修改 下周计划：开展家长开放日", hub: WeeklyOnly);

        Assert.Equal(new Dictionary<string, string> { ["plan"] = "开展家长开放日" }, Values(revise.Draft));
    }

    [Fact]
    public void Parse_ReviseByAliasThatIsAlsoALabel_ReadsTheField()
    {
        var revise = Parse<ReviseReport>("修改 本周进展：完成三次教研");

        Assert.Equal("weekly", revise.Kind.Id);
        Assert.Equal(new Dictionary<string, string> { ["progress"] = "完成三次教研" }, Values(revise.Draft));
    }

    [Fact]
    public void Parse_ReviseLastMonthByNumber_CarriesTheMonth()
    {
        var start = Parse<StartInterview>("修改 月报 10月");

        Assert.Equal(new PeriodHint("10月", new DateOnly(2026, 10, 1)), start.Period);
    }

    [Fact]
    public void Parse_ReviseWithUnlabelledText_IsAProblem()
    {
        var revise = Parse<ReviseReport>("修改 周报 改一下");

        Assert.True(revise.Draft.HasProblems);
        Assert.Equal("改一下", revise.Draft.Unlabelled);
    }

    [Theory]
    [InlineData("修改 周报")]
    [InlineData("撤回 周报")]
    [InlineData("周报")]
    public void Parse_ReportVerbsFromCoordinatorWithoutUnit_AreNotAllowed(string text)
    {
        var refused = Parse<NotAllowed>(text, Coordinator);

        Assert.Equal("weekly", refused.Kind?.Id);
    }

    [Fact]
    public void Parse_BareWithdrawFromCoordinatorWithoutUnit_IsNotAllowed()
    {
        Assert.Equal(new NotAllowed(ChatVerb.Withdraw, null), Parse("撤回", Coordinator));
    }

    [Fact]
    public void Parse_ClueFromLiaisonOfUnitThatDoesNotReportClues_IsNotAllowed()
    {
        var refused = Parse<NotAllowed>("线索通报", Person(Medical, "xieming"), Medical);

        Assert.Equal((ChatVerb.Submit, "clue"), (refused.Verb, refused.Kind?.Id));
    }

    [Theory]
    [InlineData("未交", ChatVerb.Missing)]
    [InlineData("未交 周报", ChatVerb.Missing)]
    [InlineData("催报", ChatVerb.Urge)]
    [InlineData("催报 月通报", ChatVerb.Urge)]
    public void Parse_CoordinatorVerbsFromLiaison_AreNotAllowed(string text, ChatVerb verb)
    {
        Assert.Equal(new NotAllowed(verb, null), Parse(text, Liaison));
    }

    [Fact]
    public void Parse_MissingFromCoordinator_ListsMissing()
    {
        var missing = Parse<ListMissing>("未交 周报", Coordinator);

        Assert.Equal("weekly", missing.Kind.Id);
        Assert.Null(missing.Period);
    }

    [Fact]
    public void Parse_MissingLastMonthFromLeader_NarrowsToMonthlyAndCarriesHint()
    {
        var missing = Parse<ListMissing>("未交 上月", Leader);

        Assert.Equal("monthly", missing.Kind.Id);
        Assert.Equal(new PeriodHint("上月", new DateOnly(2026, 10, 25)), missing.Period);
    }

    [Fact]
    public void Parse_MissingWithPeriodWordRightAfterTheVerb_IsRead()
    {
        var missing = Parse<ListMissing>("未交上周", Coordinator);

        Assert.Equal(("weekly", "上周"), (missing.Kind.Id, missing.Period?.Text));
    }

    [Fact]
    public void Parse_MissingWithKindAndHint_CarriesBoth()
    {
        var missing = Parse<ListMissing>("未交 周报 上周", Coordinator);

        Assert.Equal(("weekly", "上周"), (missing.Kind.Id, missing.Period?.Text));
    }

    [Fact]
    public void Parse_BareMissingWithSeveralKinds_AsksWhich()
    {
        var choose = Parse<ChooseReportKind>("未交", Coordinator);

        Assert.Equal(ChatVerb.Missing, choose.Verb);
        Assert.Equal(4, choose.Candidates.Count);
    }

    [Fact]
    public void Parse_BareMissingInSingleKindHub_MeansThatKind()
    {
        Assert.Equal("weekly", Parse<ListMissing>("未交", Coordinator, WeeklyOnly).Kind.Id);
    }

    [Fact]
    public void Parse_UrgeFromCoordinator_Urges()
    {
        Assert.Equal("monthly", Parse<UrgeMissing>("催报 月通报", Coordinator).Kind.Id);
    }

    [Fact]
    public void Parse_UrgeFromLeader_IsNotAllowed()
    {
        Assert.Equal(new NotAllowed(ChatVerb.Urge, null), Parse("催报 周报", Leader));
    }

    [Fact]
    public void Parse_BareUrgeInSingleKindHub_MeansThatKind()
    {
        Assert.Equal("weekly", Parse<UrgeMissing>("催报", LiaisonCoordinator, WeeklyOnly).Kind.Id);
    }

    [Fact]
    public void Parse_BareUrgeWithSeveralKinds_AsksWhich()
    {
        Assert.Equal(ChatVerb.Urge, Parse<ChooseReportKind>("催报", Coordinator).Verb);
    }
}

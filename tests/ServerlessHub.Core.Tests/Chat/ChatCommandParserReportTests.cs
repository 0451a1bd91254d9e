using Xunit;
using static ServerlessHub.Chat.ChatHubs;

namespace ServerlessHub.Chat;

/// <summary>Whole reports in one message, and a report kind named alone.</summary>
public sealed class ChatCommandParserReportTests
{
    [Theory]
    [InlineData("周报")]
    [InlineData("本周进展")]
    [InlineData("每周报告")]
    [InlineData("@报送助手 周报")]
    [InlineData("周报。")]
    public void Parse_KindAlone_StartsInterview(string text)
    {
        var start = Parse<StartInterview>(text);

        Assert.Equal(("weekly", InterviewPurpose.Submit, (PeriodHint?)null), (start.Kind.Id, start.Purpose, start.Period));
    }

    [Fact]
    public void Parse_KindWithPeriodWordAlone_StartsInterviewForThatPeriod()
    {
        var start = Parse<StartInterview>("周报 上周");

        Assert.Equal(new PeriodHint("上周", new DateOnly(2026, 11, 18)), start.Period);
    }

    [Fact]
    public void Parse_WeeklyOneFieldPerLineFullWidthColons_ReadsEveryField()
    {
        var report = Parse<SubmitReport>("周报\n本周进展：开展户外自主游戏观摩活动\n存在问题：部分教师观察记录不够深入\n下周计划：组织课程故事分享会\n活动场次：3");

        Assert.Equal("weekly", report.Kind.Id);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["progress"] = "开展户外自主游戏观摩活动",
                ["problems"] = "部分教师观察记录不够深入",
                ["plan"] = "组织课程故事分享会",
                ["sessions"] = "3",
            },
            Values(report.Draft));
        Assert.False(report.Draft.HasProblems);
        Assert.Null(report.Period);
    }

    [Fact]
    public void Parse_HalfWidthColonsAndSemicolonsOnOneLine_ReadsEveryField()
    {
        var report = Parse<SubmitReport>("周报 本周进展:完成区域环境创设; 下周计划:开展家长助教活动；活动场次: 2");

        Assert.Equal(
            new Dictionary<string, string> { ["progress"] = "完成区域环境创设", ["plan"] = "开展家长助教活动", ["sessions"] = "2" },
            Values(report.Draft));
        Assert.False(report.Draft.HasProblems);
    }

    [Fact]
    public void Parse_SemicolonInsideAValue_KeepsItInTheValue()
    {
        var report = Parse<SubmitReport>("周报\n本周进展：完成教研；完成观摩；完成培训\n下周计划：总结");

        Assert.Equal("完成教研；完成观摩；完成培训", Values(report.Draft)["progress"]);
    }

    [Fact]
    public void Parse_MultiLineValue_JoinsLinesUnderThePreviousLabel()
    {
        var report = Parse<SubmitReport>("周报\r\n本周进展：\r\n1. 开展户外游戏\r\n2. 绘本阅读\r\n活动一：沙水区\r\n下周计划：继续推进");

        Assert.Equal("1. 开展户外游戏\n2. 绘本阅读\n活动一：沙水区", Values(report.Draft)["progress"]);
        Assert.Empty(report.Draft.UnknownLabels);
    }

    [Fact]
    public void Parse_FieldAliasAndNumberedLabels_AreRecognised()
    {
        var report = Parse<SubmitReport>("周报\n1、完成情况：完成了\n2、困难：场地紧张\n3、下周计划：调整");

        Assert.Equal(
            new Dictionary<string, string> { ["progress"] = "完成了", ["problems"] = "场地紧张", ["plan"] = "调整" },
            Values(report.Draft));
    }

    [Fact]
    public void Parse_KindAliasThatIsAlsoAFieldLabel_ReadsTheWholeMessageAsFields()
    {
        var report = Parse<SubmitReport>("本周进展：开展课程审议；下周计划：整理案例");

        Assert.Equal("weekly", report.Kind.Id);
        Assert.Equal(new Dictionary<string, string> { ["progress"] = "开展课程审议", ["plan"] = "整理案例" }, Values(report.Draft));
    }

    [Fact]
    public void Parse_MissingRequiredField_ListsIt()
    {
        var report = Parse<SubmitReport>("周报\n本周进展：完成观摩");

        Assert.Equal(["plan"], report.Draft.Missing.Select(f => f.Id));
        Assert.True(report.Draft.HasProblems);
    }

    [Fact]
    public void Parse_EmptyValue_CountsAsMissing()
    {
        var report = Parse<SubmitReport>("周报\n本周进展：完成观摩\n下周计划：");

        Assert.Equal(["plan"], report.Draft.Missing.Select(f => f.Id));
    }

    [Fact]
    public void Parse_UnknownLabelBeforeTheFirstKnownOne_IsReported()
    {
        var report = Parse<SubmitReport>("周报\n进展：完成观摩\n下周计划：总结");

        Assert.Equal(["进展"], report.Draft.UnknownLabels);
        Assert.Equal(["progress"], report.Draft.Missing.Select(f => f.Id));
        Assert.True(report.Draft.HasProblems);
    }

    [Fact]
    public void Parse_GreetingBeforeTheFields_IsUnlabelledButNoProblem()
    {
        var report = Parse<SubmitReport>("周报 各位老师好\n本周进展：完成观摩\n下周计划：总结");

        Assert.Equal("各位老师好", report.Draft.Unlabelled);
        Assert.False(report.Draft.HasProblems);
    }

    [Fact]
    public void Parse_KindFollowedByProse_IsAReportWithNoValues()
    {
        var report = Parse<SubmitReport>("月报什么时候交");

        Assert.Equal("monthly", report.Kind.Id);
        Assert.Equal("什么时候交", report.Draft.Unlabelled);
        Assert.Empty(report.Draft.Values);
        Assert.True(report.Draft.HasProblems);
    }

    [Fact]
    public void Parse_RepeatedField_IsAnErrorAndTheFirstValueStays()
    {
        var report = Parse<SubmitReport>("周报\n本周进展：一\n下周计划：二\n本周进展：三");

        Assert.Equal("一", Values(report.Draft)["progress"]);
        var error = Assert.Single(report.Draft.Errors);
        Assert.Equal(("progress", FieldErrorCode.Repeated, "三"), (error.Field.Id, error.Code, error.Value));
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("12场", "12")]
    [InlineData("12 人次", "12")]
    [InlineData("１２场", "12")]
    [InlineData("1,200人次", "1200")]
    [InlineData("2.5", "2.5")]
    public void Parse_NumberFieldForms_AreNormalized(string written, string expected)
    {
        var report = Parse<SubmitReport>($"月报\n本月工作：课程审议\n下月计划：总结\n参与人次：{written}");

        var value = Assert.Single(report.Draft.Values, v => v.Field.Id == "participants");
        Assert.Equal(expected, value.Text);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value.Number);
    }

    [Theory]
    [InlineData("十二场")]
    [InlineData("约12场")]
    [InlineData("-3")]
    [InlineData("12、13")]
    public void Parse_NumberFieldNotANumber_IsAnError(string written)
    {
        var report = Parse<SubmitReport>($"周报\n本周进展：教研\n下周计划：总结\n活动场次：{written}");

        var error = Assert.Single(report.Draft.Errors);
        Assert.Equal(("sessions", FieldErrorCode.NotANumber, written), (error.Field.Id, error.Code, error.Value));
        Assert.Empty(report.Draft.Missing);
    }

    [Fact]
    public void Parse_TextLongerThanDefaultCap_IsTooLong()
    {
        var report = Parse<SubmitReport>("周报\n本周进展：" + new string('教', 2001) + "\n下周计划：总结");

        var error = Assert.Single(report.Draft.Errors);
        Assert.Equal((FieldErrorCode.TooLong, 2000), (error.Code, error.Limit));
        Assert.Equal(51, error.Value.Length);
        Assert.Empty(report.Draft.Missing);
    }

    [Fact]
    public void Parse_TextWithinDeclaredMaxLength_IsTaken()
    {
        var report = Parse<SubmitReport>("学期计划\n学期目标：" + new string('目', 3000) + "\n主要举措：教研\n计划活动场次：8");

        Assert.False(report.Draft.HasProblems);
    }

    [Fact]
    public void Parse_ClueWithDateAndChoice_ReadsTypedValues()
    {
        var report = Parse<SubmitReport>("线索通报\n线索摘要：某药店串换药品\n发现日期：11月20日\n紧急程度：较重", Person(Medical, "hejianjun"), Medical);

        var values = report.Draft.Values.ToDictionary(v => v.Field.Id);
        Assert.Equal(new DateOnly(2026, 11, 20), values["found-on"].Date);
        Assert.Equal("2026-11-20", values["found-on"].Text);
        Assert.Equal("较重", values["severity"].Text);
        Assert.False(report.Draft.HasProblems);
    }

    [Theory]
    [InlineData("2026-11-24", "2026-11-24")]
    [InlineData("2026/11/24", "2026-11-24")]
    [InlineData("2026年11月24日", "2026-11-24")]
    [InlineData("11月24日", "2026-11-24")]
    [InlineData("11月24号", "2026-11-24")]
    [InlineData("11.24", "2026-11-24")]
    [InlineData("１１月２４日", "2026-11-24")]
    [InlineData("昨天", "2026-11-24")]
    [InlineData("今天", "2026-11-25")]
    public void Parse_DateFieldForms_AreNormalized(string written, string expected)
    {
        var report = Parse<SubmitReport>($"线索通报\n线索摘要：线索\n发现日期：{written}\n紧急程度：一般", Person(Medical, "hejianjun"), Medical);

        Assert.Equal(expected, Values(report.Draft)["found-on"]);
    }

    [Fact]
    public void Parse_DateWithoutYearEarlyInJanuary_IsLastDecember()
    {
        var report = Parse<SubmitReport>("线索通报\n线索摘要：线索\n发现日期：12月30日\n紧急程度：一般", Person(Medical, "hejianjun"), Medical, new DateOnly(2027, 1, 2));

        Assert.Equal("2026-12-30", Values(report.Draft)["found-on"]);
    }

    [Theory]
    [InlineData("上周")]
    [InlineData("2月30日")]
    [InlineData("11月24日下午")]
    public void Parse_DateFieldNotADate_IsAnError(string written)
    {
        var report = Parse<SubmitReport>($"线索通报\n线索摘要：线索\n发现日期：{written}\n紧急程度：一般", Person(Medical, "hejianjun"), Medical);

        Assert.Equal(FieldErrorCode.NotADate, Assert.Single(report.Draft.Errors).Code);
    }

    [Theory]
    [InlineData("严重", "严重")]
    [InlineData("较", "较重")]
    [InlineData("比较一般", "一般")]
    public void Parse_ChoiceExactOrUniqueMatch_IsTaken(string written, string expected)
    {
        var report = Parse<SubmitReport>($"线索通报\n线索摘要：线索\n发现日期：今天\n紧急程度：{written}", Person(Medical, "hejianjun"), Medical);

        Assert.Equal(expected, Values(report.Draft)["severity"]);
    }

    [Fact]
    public void Parse_ChoiceMatchingSeveral_IsAmbiguousWithTheCandidates()
    {
        var report = Parse<SubmitReport>("线索通报\n线索摘要：线索\n发现日期：今天\n紧急程度：重", Person(Medical, "hejianjun"), Medical);

        var error = Assert.Single(report.Draft.Errors);
        Assert.Equal(FieldErrorCode.AmbiguousChoice, error.Code);
        Assert.Equal(["较重", "严重"], error.Candidates);
    }

    [Fact]
    public void Parse_ChoiceMatchingNone_ListsAllChoices()
    {
        var report = Parse<SubmitReport>("线索通报\n线索摘要：线索\n发现日期：今天\n紧急程度：紧急", Person(Medical, "hejianjun"), Medical);

        var error = Assert.Single(report.Draft.Errors);
        Assert.Equal(FieldErrorCode.NotAChoice, error.Code);
        Assert.Equal(["一般", "较重", "严重"], error.Candidates);
    }

    [Fact]
    public void Parse_WeeklyWithLastWeek_CarriesHint()
    {
        var report = Parse<SubmitReport>("周报 上周\n本周进展：补报\n下周计划：按时报送");

        Assert.Equal(new PeriodHint("上周", new DateOnly(2026, 11, 18)), report.Period);
        Assert.False(report.Draft.HasProblems);
    }

    [Theory]
    [InlineData("月报 10月", 2026, 10)]
    [InlineData("月报 十月份", 2026, 10)]
    [InlineData("月报 12月", 2025, 12)]
    [InlineData("月报 上个月", 2026, 10)]
    [InlineData("月通报 本月", 2026, 11)]
    public void Parse_MonthlyWithMonthWord_PointsIntoThatMonth(string header, int year, int month)
    {
        var report = Parse<SubmitReport>(header + "\n本月工作：课程审议\n下月计划：总结");

        Assert.Equal((year, month), (report.Period!.Day.Year, report.Period.Day.Month));
    }

    [Fact]
    public void Parse_MonthWordOnWeeklyKind_IsNotAHint()
    {
        var report = Parse<SubmitReport>("周报 10月\n本周进展：完成\n下周计划：总结");

        Assert.Null(report.Period);
        Assert.Equal("10月", report.Draft.Unlabelled);
    }

    [Fact]
    public void Parse_DraftFields_AreTheNormalizedStrings()
    {
        var report = Parse<SubmitReport>("周报\n本周进展：完成\n下周计划：总结\n活动场次：３场");

        Assert.Equal(new Dictionary<string, string> { ["progress"] = "完成", ["plan"] = "总结", ["sessions"] = "3" }, report.Draft.Fields);
    }

    [Fact]
    public void Parse_HugeMessage_IsReadWithItsErrors()
    {
        var text = "周报\n本周进展：" + string.Concat(Enumerable.Repeat("开展观摩；", 40000)) + "\n下周计划：总结";

        var report = Parse<SubmitReport>(text);

        Assert.Equal(FieldErrorCode.TooLong, Assert.Single(report.Draft.Errors).Code);
        Assert.Equal("总结", Values(report.Draft)["plan"]);
    }
}

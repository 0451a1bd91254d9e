using Xunit;
using static ServerlessHub.Chat.ChatHubs;

namespace ServerlessHub.Chat;

/// <summary>请假 and the date forms it reads. Today is Wednesday 2026-11-25 unless a test says otherwise.</summary>
public sealed class ChatCommandParserLeaveTests
{
    [Theory]
    [InlineData("请假 11月26日至11月27日 外出培训", "2026-11-26", "2026-11-27", "外出培训")]
    [InlineData("请假 2026-11-26~2026-11-27", "2026-11-26", "2026-11-27", null)]
    [InlineData("请假 2026-11-26～2026-11-27", "2026-11-26", "2026-11-27", null)]
    [InlineData("请假 2026/11/26 - 2026/11/27，参加区里会议", "2026-11-26", "2026-11-27", "参加区里会议")]
    [InlineData("请假 11月26日", "2026-11-26", "2026-11-26", null)]
    [InlineData("请假 11月26日至28日 病假", "2026-11-26", "2026-11-28", "病假")]
    [InlineData("请假 11.26-11.27", "2026-11-26", "2026-11-27", null)]
    [InlineData("请假 明天", "2026-11-26", "2026-11-26", null)]
    [InlineData("请假明天", "2026-11-26", "2026-11-26", null)]
    [InlineData("请假 今天到下周五", "2026-11-25", "2026-12-04", null)]
    [InlineData("请假 周五", "2026-11-27", "2026-11-27", null)]
    [InlineData("请假 后天 到 下周一 带队参赛", "2026-11-27", "2026-11-30", "带队参赛")]
    [InlineData("请假：１１月２６日", "2026-11-26", "2026-11-26", null)]
    public void Parse_LeaveForms_RequestLeave(string text, string first, string last, string? reason)
    {
        var leave = Parse<RequestLeave>(text);

        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), reason), (leave.First, leave.Last, leave.Reason));
    }

    [Fact]
    public void Parse_LeaveMonthDayAcrossYearEnd_IsNextYear()
    {
        var leave = Parse<RequestLeave>("请假 1月2日", today: new DateOnly(2026, 12, 30));

        Assert.Equal(new DateOnly(2027, 1, 2), leave.First);
    }

    [Fact]
    public void Parse_LeaveRangeAcrossYearEnd_EndsNextYear()
    {
        var leave = Parse<RequestLeave>("请假 12月31日至1月3日", today: new DateOnly(2026, 12, 30));

        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 3), 4), (leave.First, leave.Last, leave.Days));
    }

    [Fact]
    public void Parse_LeaveDayAloneAcrossMonthEnd_EndsNextMonth()
    {
        var leave = Parse<RequestLeave>("请假 11月29日至2日");

        Assert.Equal(new DateOnly(2026, 12, 2), leave.Last);
    }

    [Fact]
    public void Parse_LeaveAlone_HasNoDates()
    {
        Assert.Equal(new InvalidLeave(LeaveProblem.NoDates, null, null), Parse("请假"));
    }

    [Theory]
    [InlineData("请假 三天")]
    [InlineData("请假 下周")]
    [InlineData("请假 2月30日")]
    public void Parse_LeaveUnreadable_SaysSo(string text)
    {
        Assert.Equal(LeaveProblem.UnreadableDates, Parse<InvalidLeave>(text).Problem);
    }

    [Fact]
    public void Parse_LeaveRangeWithoutEnd_IsUnreadableWithTheFirstDay()
    {
        Assert.Equal(new InvalidLeave(LeaveProblem.UnreadableDates, new DateOnly(2026, 11, 26), null), Parse("请假 11月26日至"));
    }

    [Fact]
    public void Parse_LeaveReversed_SaysSo()
    {
        Assert.Equal(
            new InvalidLeave(LeaveProblem.Reversed, new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 26)),
            Parse("请假 11月28日至11月26日"));
    }

    [Fact]
    public void Parse_LeaveOfNinetyDays_IsAllowed()
    {
        Assert.Equal(90, Parse<RequestLeave>("请假 2026-11-26至2027-02-23").Days);
    }

    [Fact]
    public void Parse_LeaveOverNinetyDays_IsTooLong()
    {
        Assert.Equal(LeaveProblem.TooLong, Parse<InvalidLeave>("请假 2026-11-26至2027-02-24").Problem);
    }

    [Theory]
    [InlineData("请假 昨天")]
    [InlineData("请假 11月24日至11月26日")]
    public void Parse_LeaveStartingBeforeToday_StartsInPast(string text)
    {
        Assert.Equal(LeaveProblem.StartsInPast, Parse<InvalidLeave>(text).Problem);
    }

    [Fact]
    public void Parse_LeaveReasonTooLong_SaysSo()
    {
        Assert.Equal(LeaveProblem.ReasonTooLong, Parse<InvalidLeave>("请假 明天 " + new string('因', 201)).Problem);
    }

    [Fact]
    public void Parse_LeaveFromCoordinatorWithoutUnit_IsNotAllowed()
    {
        Assert.Equal(new NotAllowed(ChatVerb.Leave, null), Parse("请假 明天", Coordinator));
    }
}

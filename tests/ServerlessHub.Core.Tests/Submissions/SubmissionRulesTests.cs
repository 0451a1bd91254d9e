using ServerlessHub.Chat;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using Xunit;

namespace ServerlessHub.Submissions;

/// <summary>One rule for late submissions, revisions and withdrawals: open until <c>acceptLateFor</c> later periods are due.</summary>
public sealed class SubmissionRulesTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly Hub Kindergartens = new(ChatHubs.Kindergartens, 1);
    private static readonly ReportKind Weekly = Kindergartens.FindReport("weekly")!;
    private static readonly ReportTimeline Timeline = Kindergartens.Timeline(Weekly);
    private static readonly Period W47 = Timeline.FromKey("2026-W47")!;

    [Theory]
    [InlineData(0, "2026-11-20T17:00:00+08:00")]
    [InlineData(1, "2026-11-27T17:00:00+08:00")]
    [InlineData(3, "2026-12-11T17:00:00+08:00")]
    public void ClosesAt_TheDueTimeOfTheNthLaterPeriod(int acceptLateFor, string closes)
    {
        Assert.Equal(DateTimeOffset.Parse(closes, System.Globalization.CultureInfo.InvariantCulture), SubmissionRules.ClosesAt(Timeline, Weekly with { AcceptLateFor = acceptLateFor }, W47));
    }

    [Fact]
    public void Decide_BeforeOpeningInWindowAndAfter()
    {
        var closes = new DateTimeOffset(2026, 11, 27, 17, 0, 0, Shanghai);

        Assert.Equal(SubmissionDecision.NotOpenYet, SubmissionRules.Decide(Timeline, Weekly, W47, W47.Opens.AddTicks(-1)));
        Assert.Equal(SubmissionDecision.Allowed, SubmissionRules.Decide(Timeline, Weekly, W47, closes.AddTicks(-1)));
        Assert.Equal(SubmissionDecision.WindowClosed, SubmissionRules.Decide(Timeline, Weekly, W47, closes));
        Assert.Equal(SubmissionDecision.WindowClosed, SubmissionRules.Decide(Timeline, Weekly with { AcceptLateFor = 0 }, W47, W47.Due.AddTicks(1)));
    }

    [Fact]
    public void Decide_AdHocWindow_StaysOpen()
    {
        var medical = new Hub(ChatHubs.Medical, 1);
        var clue = medical.FindReport("clue")!;
        var window = medical.Timeline(clue).AdHoc("c1", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 9));

        Assert.Null(SubmissionRules.ClosesAt(medical.Timeline(clue), clue, window));
        Assert.Equal(SubmissionDecision.Allowed, SubmissionRules.Decide(medical.Timeline(clue), clue, window, new DateTimeOffset(2026, 11, 27, 9, 0, 0, Shanghai)));
    }

    [Theory]
    [InlineData("acceptLateFor: 2", null)]
    [InlineData("acceptLateFor: 54", "reports[0].acceptLateFor")]
    [InlineData("acceptLateFor: -1", "reports[0].acceptLateFor")]
    public void Parse_AcceptLateFor_BoundedByAYearOfPeriods(string line, string? errorPath)
    {
        var result = HubDefinitionParser.Parse(HubDocuments.MinimalWith("    cadence: weekly\n", $"    cadence: weekly\n    {line}\n"));

        if (errorPath is null)
        {
            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Definition!.Reports[0].AcceptLateFor);
        }
        else
        {
            Assert.Equal(errorPath, Assert.Single(result.Errors).Path);
        }
    }
}

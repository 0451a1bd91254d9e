using ServerlessHub.Periods;
using Xunit;

namespace ServerlessHub.Hubs;

/// <summary>Each report kind's YAML schedule becomes the shared <see cref="ReportSchedule"/> vocabulary.</summary>
public sealed class ReportScheduleMappingTests
{
    private static readonly Term FirstTerm = new("2026-2027-1", "2026—2027学年第一学期", new DateOnly(2026, 9, 1), new DateOnly(2027, 1, 22));
    private static readonly Term SecondTerm = new("2026-2027-2", "2026—2027学年第二学期", new DateOnly(2027, 2, 22), new DateOnly(2027, 7, 2));

    private readonly HubDefinition kindergartens = Parse(HubFiles.Read("demo/jiangning-kindergartens.yaml"));

    [Fact]
    public void Weekly_DueFridayFiveInTheAfternoon_MapsToFourCalendarDaysFromStart()
    {
        ReportSchedule schedule = Report(kindergartens, "weekly").Schedule;

        Assert.Equal(new ReportSchedule(Cadence.Weekly, new DayOffset(4, DayUnit.Calendar, DayAnchor.PeriodStart, new TimeOnly(17, 0))), schedule);
    }

    [Fact]
    public void Monthly_DueThirdWorkingDayAfterMonthEnd_MapsToWorkingDaysFromEnd()
    {
        ReportSchedule schedule = Report(kindergartens, "monthly").Schedule;

        Assert.Equal(Cadence.Monthly, schedule.Cadence);
        Assert.Equal(new DayOffset(3, DayUnit.Working, DayAnchor.PeriodEnd, new TimeOnly(17, 0)), schedule.Due);
        Assert.Null(schedule.Opens);
        Assert.Null(schedule.Terms);
        Assert.Null(schedule.Once);
    }

    [Fact]
    public void SemesterPlan_CarriesTheHubTermsInOrder()
    {
        ReportSchedule schedule = Report(kindergartens, "semester-plan").Schedule;

        Assert.Equal(Cadence.Semester, schedule.Cadence);
        Assert.Equal([FirstTerm, SecondTerm], schedule.Terms!);
        Assert.Equal(new DayOffset(10, DayUnit.Working, DayAnchor.PeriodStart, new TimeOnly(17, 0)), schedule.Due);
    }

    [Fact]
    public void SemesterSummary_OpensTwoWeeksBeforeTermEnds()
    {
        ReportSchedule schedule = Report(kindergartens, "semester-summary").Schedule;

        Assert.Equal(new DayOffset(-14, DayUnit.Calendar, DayAnchor.PeriodEnd, new TimeOnly(8, 0)), schedule.Opens);
        Assert.Equal(new DayOffset(0, DayUnit.Calendar, DayAnchor.PeriodEnd, new TimeOnly(17, 0)), schedule.Due);
    }

    [Fact]
    public void Once_WindowBecomesTheSingleTerm()
    {
        ReportSchedule schedule = Report(Parse(HubFiles.Read("example.annotated.yaml")), "open-day").Schedule;

        Assert.Equal(Cadence.Once, schedule.Cadence);
        Assert.Equal(new Term("open-day", "开放日活动方案", new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 30)), schedule.Once);
        Assert.Null(schedule.Terms);
    }

    [Fact]
    public void AdHoc_DueCountsFromTheOpening()
    {
        ReportSchedule schedule = Report(Parse(HubFiles.Read("demo/county-medical-insurance.yaml")), "clue").Schedule;

        Assert.Equal(new ReportSchedule(Cadence.AdHoc, new DayOffset(3, DayUnit.Working, DayAnchor.Open, new TimeOnly(17, 0))), schedule);
    }

    private static HubDefinition Parse(string text)
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(text);
        Assert.Empty(result.Errors);
        return result.Definition!;
    }

    private static ReportKind Report(HubDefinition hub, string id) => Assert.Single(hub.Reports, r => r.Id == id);
}

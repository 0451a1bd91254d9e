using ServerlessHub.Chat;
using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;
using Xunit;

namespace ServerlessHub.Submissions;

public class PeriodStatusTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly Hub Kindergartens = new(ChatHubs.Kindergartens, 1);

    // 学期小结 opens 14 days before the term's last day (2027-01-22) at 08:00 and is due that last day at 17:00.
    private static readonly ReportKind Summary = Kindergartens.FindReport("semester-summary")!;
    private static readonly Period Term = Kindergartens.Timeline(Summary).FromKey("2026-2027-1")!;
    private static readonly DateTimeOffset Opens = new(2027, 1, 8, 8, 0, 0, Shanghai);
    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 10, 0, 0, Shanghai);

    [Fact]
    public void Compute_PeriodNotOpenYet_EveryoneNotOpenNobodyPendingOrMissing()
    {
        var status = PeriodStatus.Compute(Kindergartens, Summary, Term, [], [], Thursday);

        Assert.Equal(Opens, Term.Opens);
        Assert.False(status.IsOpen);
        Assert.Equal(14, status.Expected);
        Assert.Equal(14, status.NotOpen);
        Assert.All(status.Submitters, s => Assert.Equal(SubmitterState.NotOpen, s.State));
        Assert.Equal((0, 0, 0), (status.Pending, status.Missing, status.Submitted));
    }

    [Fact]
    public void Compute_PeriodNotOpenYet_RatesAreNotPenalised()
    {
        var status = PeriodStatus.Compute(Kindergartens, Summary, Term, [], [], Thursday);

        Assert.Equal(1, status.SubmissionRate);
        Assert.Equal(1, status.OnTimeRate);
    }

    [Fact]
    public void Compute_OneTickBeforeAndAtTheOpening_NotOpenThenPending()
    {
        var before = PeriodStatus.Compute(Kindergartens, Summary, Term, [], [], Opens.AddTicks(-1));
        var at = PeriodStatus.Compute(Kindergartens, Summary, Term, [], [], Opens);

        Assert.Equal((false, 14, 0), (before.IsOpen, before.NotOpen, before.Pending));
        Assert.Equal((true, 0, 14), (at.IsOpen, at.NotOpen, at.Pending));
        Assert.Equal(0, at.OnTimeRate);
    }

    [Fact]
    public void Compute_PeriodNotOpenYetWithLeaveOnItsDueDate_LeaveShowsAndTheRestAreNotOpen()
    {
        var leave = new LeaveRecord(Kindergartens.Id, "l1", LeaveSubject.Unit, "zhushan", new DateOnly(2027, 1, 18), new DateOnly(2027, 1, 29), "园所改造", "zhuying", Thursday);

        var status = PeriodStatus.Compute(Kindergartens, Summary, Term, [], [leave], Thursday);

        Assert.Equal(SubmitterState.OnLeave, status.Submitters.Single(s => s.UnitId == "zhushan").State);
        Assert.Equal((1, 13, 0), (status.OnLeave, status.NotOpen, status.Pending));
        Assert.Equal(1, status.OnTimeRate);
    }

    [Fact]
    public void Compute_SubmissionRecordedBeforeTheOpening_CountsAsSubmittedAndOthersStayNotOpen()
    {
        // The coordinator may move the opening later after a unit has already submitted; the submission still counts.
        var early = new Submission(Kindergartens.Id, Summary.Id, Term.Key, "moling", "moling", new Dictionary<string, string> { ["outcomes"] = "完成", ["sessions"] = "5" },
            SubmissionChannel.Http, "wangxiaomei", Thursday.AddDays(-1), Thursday.AddDays(-1), false, 1, false);

        var status = PeriodStatus.Compute(Kindergartens, Summary, Term, [early], [], Thursday);

        Assert.Equal(SubmitterState.OnTime, status.Submitters.Single(s => s.SubmitterId == "moling").State);
        Assert.Equal((1, 13), (status.OnTime, status.NotOpen));
        Assert.Equal(1, status.OnTimeRate);
    }

    [Fact]
    public void Compute_WeeklyOpeningAtItsStart_IsPendingFromTheFirstInstant()
    {
        var weekly = Kindergartens.FindReport("weekly")!;
        var week = Kindergartens.Timeline(weekly).FromKey("2026-W48")!;

        var status = PeriodStatus.Compute(Kindergartens, weekly, week, [], [], week.Start);

        Assert.True(status.IsOpen);
        Assert.All(status.Submitters, s => Assert.Equal(SubmitterState.Pending, s.State));
    }
}

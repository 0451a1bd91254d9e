using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Submissions;
using Xunit;

namespace ServerlessHub.Reminders;

/// <summary>Who a reminder reaches when it goes out: nobody who submitted, is on leave or no longer belongs to the hub.</summary>
public sealed class ReminderTargetsTests
{
    private static readonly Hub Kindergartens = new(Chat.ChatHubs.Kindergartens, 1);
    private static readonly ReportKind Weekly = Kindergartens.FindReport("weekly")!;
    private static readonly Periods.Period Week48 = Kindergartens.Timeline(Weekly).FromKey("2026-W48")!;

    /// <summary>Thursday 2026-11-26 17:00 Shanghai: the day before the week's Friday 17:00 deadline.</summary>
    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Owing_SubmittedUnit_IsLeftOut()
    {
        var owing = Owing([Submitted("moling")], [], Thursday);

        Assert.DoesNotContain(owing, o => o.Submitter.Id == "moling");
        Assert.Equal(13, owing.Count);
    }

    [Fact]
    public void Owing_UnitOnLeaveForTheDueDate_IsLeftOut()
    {
        var owing = Owing([], [Leave(LeaveSubject.Unit, "guli", 27)], Thursday);

        Assert.DoesNotContain(owing, o => o.Submitter.Id == "guli");
    }

    [Fact]
    public void Owing_LiaisonOnLeaveToday_IsNotRemindedButTheUnitStillOwes()
    {
        var owing = Owing([], [Leave(LeaveSubject.Person, "lijing", 26)], Thursday);

        var guli = Assert.Single(owing, o => o.Submitter.Id == "guli");
        Assert.Empty(guli.Liaisons);
    }

    [Fact]
    public void Owing_UnitNotExpectedWhenThePeriodOpened_IsLeftOut()
    {
        var status = PeriodStatus.Compute(Kindergartens, Weekly, Week48, [], [], Thursday);

        var owing = ReminderTargets.Owing(Kindergartens, Weekly, status, ["moling", "guli", "removed-since"], [], Thursday);

        Assert.Equal(["moling", "guli"], owing.Select(o => o.Submitter.Id));
    }

    [Fact]
    public void Owing_AfterTheDeadline_CountsDaysAndWorkingDaysLate()
    {
        // Wednesday 12月2日 10:00: five calendar days and three working days after Friday 11月27日.
        var owing = Owing([], [], new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));

        Assert.All(owing, o => Assert.Equal((5, 3), (o.DaysLate, o.WorkingDaysLate)));
        Assert.Equal(["王晓梅"], owing.Single(o => o.Submitter.Id == "moling").Liaisons.Select(p => p.Name));
    }

    private static IReadOnlyList<OwingSubmitter> Owing(IEnumerable<Submission> submissions, IReadOnlyList<LeaveRecord> leave, DateTimeOffset now)
    {
        var status = PeriodStatus.Compute(Kindergartens, Weekly, Week48, submissions, leave, now);
        return ReminderTargets.Owing(Kindergartens, Weekly, status, Kindergartens.ExpectedSubmitters(Weekly).Select(e => e.Id).ToList(), leave, now);
    }

    private static LeaveRecord Leave(LeaveSubject subject, string id, int day) =>
        new("jiangning-kindergartens", $"l-{id}", subject, id, new DateOnly(2026, 11, day), new DateOnly(2026, 11, day), "外出培训", "test", Thursday);

    private static Submission Submitted(string unitId) =>
        new("jiangning-kindergartens", "weekly", "2026-W48", unitId, unitId, new Dictionary<string, string> { ["progress"] = "完成" }, SubmissionChannel.Http, "test", Thursday, Thursday, false, 1, false);
}

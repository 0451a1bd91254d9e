using ServerlessHub.Chat;
using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;
using Xunit;

namespace ServerlessHub.Digests;

public class DigestStatisticsTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly Hub Kindergartens = new(ChatHubs.Kindergartens, 1);
    private static readonly ReportKind Weekly = Kindergartens.FindReport("weekly")!;
    private static readonly Digest WeeklyDigest = Weekly.Digests[0];

    // 2026-W47: 11月16日—22日, due Friday 11月20日 17:00.
    private static readonly Period W47 = Kindergartens.Timeline(Weekly).FromKey("2026-W47")!;
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, Shanghai);

    [Fact]
    public void Compute_OnTimeLateMissingAndLeave_CountsRatesAndLists()
    {
        Submission[] submitted =
        [
            Sent("moling", W47, new DateTimeOffset(2026, 11, 19, 10, 0, 0, Shanghai), progress: "完成区域游戏观察记录。下周继续。", problems: "无", sessions: "2"),
            Sent("guli", W47, new DateTimeOffset(2026, 11, 22, 9, 0, 0, Shanghai), progress: "开展户外自主游戏", problems: "场地不足，需协调", sessions: "1"),
            Sent("chunhua", W47, new DateTimeOffset(2026, 11, 18, 9, 0, 0, Shanghai), progress: "撤回了", withdrawn: true),
        ];
        var leave = new LeaveRecord(Kindergartens.Id, "l1", LeaveSubject.Unit, "zhushan", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), "园所检查", "zhuying", Monday);

        var stats = Compute(W47, submitted, [leave], [], Monday);

        Assert.Equal((14, 2, 1, 1, 11, 1), (stats.Counts.Expected, stats.Counts.Submitted, stats.Counts.OnTime, stats.Counts.Late, stats.Counts.Missing, stats.Counts.OnLeave));
        Assert.Equal(1.0 / 13, stats.Counts.OnTimeRate, 6);
        Assert.Equal(2.0 / 13, stats.Counts.SubmissionRate, 6);
        var guli = stats.Submitters.Single(s => s.UnitId == "guli");
        Assert.Equal((SubmitterState.Late, 2), (guli.State, guli.DaysLate));
        var chunhua = stats.Submitters.Single(s => s.UnitId == "chunhua");
        Assert.Equal((SubmitterState.Missing, 3), (chunhua.State, chunhua.DaysLate));
        Assert.NotEmpty(chunhua.Liaisons);
        Assert.Equal(["秣陵中心幼儿园", "谷里中心幼儿园"], stats.Highlights.Select(h => h.Name));
        Assert.Equal([("谷里中心幼儿园", "场地不足，需协调")], stats.Problems.Select(p => (p.Name, p.Text)));
        Assert.Equal(3m, stats.Totals.Single(t => t.FieldId == "sessions").Total);
    }

    [Fact]
    public void Compute_EmptyWeek_EveryoneMissingNothingHighlighted()
    {
        var stats = Compute(W47, [], [], [], Monday);

        Assert.Equal((14, 0, 14), (stats.Counts.Expected, stats.Counts.Submitted, stats.Counts.Missing));
        Assert.Equal(0, stats.Counts.OnTimeRate);
        Assert.Empty(stats.Highlights);
        Assert.Empty(stats.Problems);
    }

    [Fact]
    public void Compute_PreviousPeriodInLedger_TrendAndTotalsCompare()
    {
        var w46 = Kindergartens.Timeline(Weekly).Previous(W47)!;
        LedgerEntry[] ledger =
        [
            Entry(w46, "moling", late: false, sessions: 4),
            Entry(w46, "guli", late: true, sessions: 1),
            new LedgerEntry(w46.Key, "chunhua", false, Withdrawn: true, new Dictionary<string, decimal> { ["sessions"] = 9 }),
        ];

        var stats = Compute(W47, [Sent("moling", W47, W47.Due.AddHours(-1), sessions: "2")], [], ledger, Monday);

        Assert.Equal("2026-W46", stats.Previous!.Period.Key);
        Assert.Equal((2, 1), (stats.Previous.Counts.Submitted, stats.Previous.Counts.OnTime));
        var sessions = stats.Totals.Single(t => t.FieldId == "sessions");
        Assert.Equal((2m, 5m), (sessions.Total, sessions.Previous));
    }

    [Fact]
    public void Compute_QuotaPerSemester_SumsTheTermSoFarAndListsWhoIsBehind()
    {
        // The term 2026—2027学年第一学期 began on 2026-09-01 (W36). 秣陵 ran 1 session in W40 and 1 in W47: met.
        var timeline = Kindergartens.Timeline(Weekly);
        var w40 = timeline.FromKey("2026-W40")!;
        var w35 = timeline.FromKey("2026-W35")!;
        LedgerEntry[] ledger = [Entry(w40, "moling", false, 1), Entry(w40, "guli", false, 1), Entry(w35, "guli", false, 5)];

        var stats = Compute(W47, [Sent("moling", W47, W47.Due.AddHours(-1), sessions: "1")], [], ledger, Monday);

        var quota = Assert.Single(stats.Quotas);
        Assert.Equal("2026—2027学年第一学期", quota.Span!.Name);
        Assert.Equal(1, quota.Met);
        Assert.Equal(13, quota.Behind.Count);
        Assert.Equal(1m, quota.Behind.Single(b => b.SubmitterId == "guli").Total);
    }

    [Fact]
    public void Compute_Ranking_OrdersByOnTimeRateThenStreakAndSharesRanks()
    {
        var timeline = Kindergartens.Timeline(Weekly);
        var w46 = timeline.FromKey("2026-W46")!;
        var w45 = timeline.FromKey("2026-W45")!;
        LedgerEntry[] ledger =
        [
            Entry(w45, "moling", false, 0), Entry(w46, "moling", false, 0),
            Entry(w45, "guli", false, 0), Entry(w46, "guli", true, 0),
            Entry(w45, "chunhua", false, 0), Entry(w46, "chunhua", true, 0),
        ];
        Submission[] submitted =
        [
            Sent("moling", W47, W47.Due.AddHours(-1)),
            Sent("guli", W47, W47.Due.AddHours(-1)),
            Sent("chunhua", W47, W47.Due.AddHours(-1)),
        ];

        var stats = Compute(W47, submitted, [], ledger, Monday);

        Assert.Equal("2026—2027学年第一学期", stats.RankingSpan!.Name);
        var top = stats.Ranking.Take(3).ToList();
        Assert.Equal(("moling", 1, 3, 3), (top[0].SubmitterId, top[0].Rank, top[0].OnTime, top[0].Streak));
        Assert.Equal((2, 2, 1), (top[1].Rank, top[1].OnTime, top[1].Streak));
        Assert.Equal(top[1].Rank, top[2].Rank);
        Assert.Equal(12, stats.Ranking[^1].Due);
    }

    [Fact]
    public void Compute_LedgerRowsOfThePeriodItself_AreIgnoredInFavourOfTheSubmissions()
    {
        var stats = Compute(W47, [], [], [Entry(W47, "moling", false, 7)], Monday);

        Assert.Equal(0, stats.Counts.Submitted);
        Assert.Equal(0m, stats.Totals.Single(t => t.FieldId == "sessions").Total);
    }

    [Fact]
    public void History_Weekly_LooksBackOverTheTermAndThePreviousWeek()
    {
        var history = DigestHistory.Plan(Kindergartens, Weekly, W47);

        Assert.Equal("2026-W46", history.Previous!.Key);
        Assert.Equal("2026-W36", history.RankingPeriods[0].Key);
        Assert.Equal("2026-W47", history.RankingPeriods[^1].Key);
        Assert.Equal("2026-W36", history.Earlier[0].Key);
        Assert.DoesNotContain(history.Earlier, p => p.Key == "2026-W47");
    }

    private static DigestStatistics Compute(Period period, IEnumerable<Submission> submissions, IEnumerable<LeaveRecord> leave, IEnumerable<LedgerEntry> ledger, DateTimeOffset now) =>
        DigestStatistics.Compute(Kindergartens, Weekly, WeeklyDigest, DigestHistory.Plan(Kindergartens, Weekly, period), submissions, leave, ledger, now);

    private static Submission Sent(string unit, Period period, DateTimeOffset at, string progress = "按计划推进", string? problems = null, string? sessions = null, bool withdrawn = false)
    {
        var fields = new Dictionary<string, string> { ["progress"] = progress, ["plan"] = "继续" };
        if (problems is not null)
        {
            fields["problems"] = problems;
        }

        if (sessions is not null)
        {
            fields["sessions"] = sessions;
        }

        return new Submission(Kindergartens.Id, Weekly.Id, period.Key, unit, unit, fields, SubmissionChannel.Http, "test", at, at, at > period.Due, 1, withdrawn);
    }

    private static LedgerEntry Entry(Period period, string unit, bool late, decimal sessions) =>
        new(period.Key, unit, late, Withdrawn: false, new Dictionary<string, decimal> { ["sessions"] = sessions });
}

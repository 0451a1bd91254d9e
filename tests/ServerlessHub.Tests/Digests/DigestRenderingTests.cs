using System.Text;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Replies;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Digests;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Digests;

/// <summary>
/// The built-in digests as leaders read them (golden files in <c>Replies/Golden/digest-*.txt</c>), how they are split for
/// WeCom, how member text is escaped, and the sandbox a hub's own template runs in, with the built-in one standing in.
/// </summary>
public sealed class DigestRenderingTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly Hub Kindergartens = DemoHubs.Kindergartens;
    private static readonly ReportKind Weekly = Kindergartens.ReportOf("weekly");

    // Rendering touches no storage: the stores are built but never called.
    private static readonly DigestBuilder Builder = new(
        new SubmissionStore(Account), new SubmissionLedgerStore(Account), new LeaveStore(Account), DemoHubs.Templates, TimeProvider.System);

    private static StorageAccount Account => new("UseDevelopmentStorage=true");

    [Fact]
    public void Weekly_MissingAndLate_MatchesGolden()
    {
        var w47 = Kindergartens.Timeline(Weekly).FromKey("2026-W47")!;
        var w46 = Kindergartens.Timeline(Weekly).Previous(w47)!;
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai);
        Submission[] sent =
        [
            Sent(Weekly, w47, "moling", new(2026, 11, 19, 16, 30, 0, Shanghai), "完成区域游戏观察记录12份。组织教研活动1次，形成案例2篇。", "户外场地不足，需街道协调", "1"),
            Sent(Weekly, w47, "guli", new(2026, 11, 20, 15, 0, 0, Shanghai), "开展户外自主游戏，家长开放日反响好", "暂无", "2"),
            Sent(Weekly, w47, "chunhua", new(2026, 11, 21, 10, 0, 0, Shanghai), "完成课程审议 <@all> [点我](http://evil.example) **加粗**", "教师外出培训较多", "0"),
            Sent(Weekly, w47, "qingshuiting", new(2026, 11, 18, 9, 0, 0, Shanghai), "按计划推进", "无", "1"),
        ];
        LedgerEntry[] ledger = [.. Kindergartens.ExpectedSubmitters(Weekly).Take(10).Select(e => new LedgerEntry(w46.Key, e.Id, false, false, new Dictionary<string, decimal> { ["sessions"] = 1 }))];
        var leave = new Leave.LeaveRecord(Kindergartens.Id, "l1", Leave.LeaveSubject.Unit, "zhushan", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), "迎检", "zhuying", monday);

        Golden.AssertMatches("digest-weekly-missing-and-late", Render(Weekly, w47, sent, [leave], ledger, monday));
    }

    [Fact]
    public void Weekly_EmptyWeek_MatchesGolden()
    {
        var w47 = Kindergartens.Timeline(Weekly).FromKey("2026-W47")!;

        Golden.AssertMatches("digest-weekly-empty", Render(Weekly, w47, [], [], [], new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai)));
    }

    [Fact]
    public void Weekly_HolidayWeek_MatchesGolden()
    {
        // 2026-W40 holds the National Day holiday; the digest says which weekdays were off.
        var w40 = Kindergartens.Timeline(Weekly).FromKey("2026-W40")!;
        var after = w40.Due.AddDays(3);
        Submission[] sent = [.. Kindergartens.ExpectedSubmitters(Weekly).Take(12).Select(e => Sent(Weekly, w40, e.Id, w40.Due.AddHours(-2), "节前安全检查完成", "无", "0"))];

        Golden.AssertMatches("digest-weekly-holiday", Render(Weekly, w40, sent, [], [], after));
    }

    [Fact]
    public void Weekly_FiveHundredUnits_SplitsIntoMessagesWithinTheLimitAtLineEnds()
    {
        var (hub, kind) = LargeHub(500);
        var w47 = hub.Timeline(kind).FromKey("2026-W47")!;
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai);
        var expected = hub.ExpectedSubmitters(kind);
        Submission[] sent =
        [
            .. expected.Take(300).Select((e, i) => Sent(kind, w47, e.Id, w47.Due.AddHours(-3), $"第{i + 1}园完成游戏观察与教研活动。持续推进课程游戏化。", i % 5 == 0 ? $"第{i + 1}园师资紧张" : "无", "1")),
            .. expected.Skip(300).Take(100).Select(e => Sent(kind, w47, e.Id, w47.Due.AddHours(30), "补报本周进展", "无", "0")),
        ];

        var markdown = Render(hub, kind, w47, sent, [], [], monday);
        var parts = WeComMessageParts.Split(markdown, WeComContentFormat.Markdown, WeComContentLimits.RobotMarkdownBytes);

        Golden.AssertMatches("digest-weekly-500-units", markdown);
        Assert.True(parts.Count > 1, $"one part of {Encoding.UTF8.GetByteCount(markdown)} bytes");
        Assert.All(parts, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, WeComContentLimits.RobotMarkdownBytes));
        var lines = markdown.Split('\n').ToHashSet(StringComparer.Ordinal);
        Assert.All(parts.SelectMany(p => p.Split('\n').Skip(1)), line => Assert.Contains(line, lines));
        Assert.Equal(markdown, string.Concat(parts.Select(p => p[(p.IndexOf('\n', StringComparison.Ordinal) + 1)..])));
    }

    [Fact]
    public void MemberText_CannotMentionLinkOrFormat()
    {
        var w47 = Kindergartens.Timeline(Weekly).FromKey("2026-W47")!;
        Submission[] sent = [Sent(Weekly, w47, "moling", w47.Due.AddHours(-1), "<@all> <font color=\"info\">全体注意</font> [链接](http://evil.example) **粗**\n# 标题", "`代码` > 引用", "1")];

        var markdown = Render(Weekly, w47, sent, [], [], w47.Due.AddDays(3));

        Assert.DoesNotContain("<@", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<font color=\"info\">", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](", markdown, StringComparison.Ordinal);
        Assert.Contains("＜＠all＞ ＜font color=\"info\"＞全体注意", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# 标题", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loop", "{{ while true }}x{{ end }}", "loop")]
    [InlineData("recursion", "{{ func deeper(n)\n ret deeper(n + 1)\nend\ndeeper 1 }}", "recursi")]
    [InlineData("output", "{{ for i in 1..9000 }}{{ \"\" | string.pad_right 100 }}{{ end }}", "limit")]
    [InlineData("member", "{{ report.GetType }}", "GetType")]
    [InlineData("time", "{{ s = \"x\" | string.pad_right 400000\nfor i in 1..9000\n  t = s | string.replace \"x\" \"yz\"\nend }}", "time limit")]
    public void HubTemplate_RunawayOrReachingBeyondTheModel_IsStoppedNamingTheTemplateAndTheBuiltInStandsIn(string name, string source, string says)
    {
        var hub = WithTemplate(name, source);
        var kind = hub.ReportOf("weekly");
        var w47 = hub.Timeline(kind).FromKey("2026-W47")!;
        var statistics = DigestStatistics.Compute(hub, kind, kind.Digests[0], DigestHistory.Plan(hub, kind, w47), [], [], [], w47.Due.AddDays(3));

        var (markdown, template, problem) = Builder.Render(hub, kind, kind.Digests[0], statistics);

        Assert.Equal("digest-weekly", template);
        Assert.StartsWith("# 周报汇总 · 2026年第47周", markdown, StringComparison.Ordinal);
        Assert.NotNull(problem);
        Assert.Contains($"Template '{name}'", problem, StringComparison.Ordinal);
        Assert.Contains(says, problem, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"\(\d+,\d+\)", problem);
    }

    [Fact]
    public void HubTemplate_Working_IsUsedOverTheBuiltIn()
    {
        var hub = WithTemplate("short", "# {{ report }} {{ period_short }}：按期报送率 {{ on_time_rate }}");
        var kind = hub.ReportOf("weekly");
        var w47 = hub.Timeline(kind).FromKey("2026-W47")!;
        var statistics = DigestStatistics.Compute(hub, kind, kind.Digests[0], DigestHistory.Plan(hub, kind, w47), [], [], [], w47.Due.AddDays(3));

        Assert.Equal(("# 周报 2026年第47周：按期报送率 0%", "short", null), Builder.Render(hub, kind, kind.Digests[0], statistics));
    }

    private static string Render(ReportKind kind, Period period, IEnumerable<Submission> sent, IEnumerable<Leave.LeaveRecord> leave, IEnumerable<LedgerEntry> ledger, DateTimeOffset now) =>
        Render(Kindergartens, kind, period, sent, leave, ledger, now);

    private static string Render(Hub hub, ReportKind kind, Period period, IEnumerable<Submission> sent, IEnumerable<Leave.LeaveRecord> leave, IEnumerable<LedgerEntry> ledger, DateTimeOffset now)
    {
        var digest = kind.Digests[0];
        var statistics = DigestStatistics.Compute(hub, kind, digest, DigestHistory.Plan(hub, kind, period), sent, leave, ledger, now);
        var (markdown, template, problem) = Builder.Render(hub, kind, digest, statistics);
        Assert.Equal((digest.Template, null), (template, problem));
        return markdown;
    }

    private static Submission Sent(ReportKind kind, Period period, string unit, DateTimeOffset at, string progress, string problems, string sessions) =>
        new(Kindergartens.Id, kind.Id, period.Key, unit, unit,
            new Dictionary<string, string> { ["progress"] = progress, ["problems"] = problems, ["plan"] = "继续", ["sessions"] = sessions },
            SubmissionChannel.WeComApp, "test", at, at, at > period.Due, 1, Withdrawn: false);

    private static Hub WithTemplate(string name, string source)
    {
        var definition = Kindergartens.Definition;
        var weekly = definition.Reports[0];
        var digest = weekly.Digests[0] with { Template = name };
        return new Hub(definition with
        {
            Reports = [weekly with { Digests = [digest] }, .. definition.Reports.Skip(1)],
            Templates = new Dictionary<string, string> { [name] = source },
        }, 2);
    }

    /// <summary>A hub of <paramref name="units"/> kindergartens with four liaisons each (<see cref="LargeHubDocument"/>).</summary>
    internal static (Hub Hub, ReportKind Kind) LargeHub(int units)
    {
        var parsed = HubDefinitionParser.Parse(LargeHubDocument.Build("large-hub", "大型协作体", units));
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        var hub = new Hub(parsed.Definition!, 1);
        return (hub, hub.ReportOf("weekly"));
    }
}

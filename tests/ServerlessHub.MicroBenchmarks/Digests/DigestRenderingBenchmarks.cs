using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ServerlessHub.Digests;
using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Digests;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;
using ServerlessHub.Testing;

namespace ServerlessHub.MicroBenchmarks.Digests;

/// <summary>
/// <see cref="DigestBuilder.Render"/> of the built-in weekly digest (<c>templates/digests/digest-weekly.scriban</c>) for
/// 2026-W47 as of Monday 09:00, on statistics computed beforehand as the digest tests compute them: the demo
/// kindergartens hub (14 units, 4 submitted, one on leave) and a 500-unit hub (300 on time, 100 late, 100 missing).
/// The baseline writes the same statistics as Markdown lines with a <see cref="StringBuilder"/>: headline, counts,
/// a line per missing and per late unit, highlights and problems, i.e. the text without a template engine.
/// </summary>
[MemoryDiagnoser]
public class DigestRenderingBenchmarks
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, Shanghai);

    private DigestBuilder _builder = null!;
    private Hub _hub = null!;
    private ReportKind _weekly = null!;
    private DigestStatistics _statistics = null!;

    [Params(14, 500)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Rendering touches no storage: the stores are built but never called.
        var account = new StorageAccount("UseDevelopmentStorage=true");
        _builder = new DigestBuilder(new SubmissionStore(account), new SubmissionLedgerStore(account), new LeaveStore(account), DemoHubs.Templates(), TimeProvider.System);
        _hub = Units == 14 ? DemoHubs.Kindergartens() : DemoHubs.Parse(LargeHubDocument.Build("large-hub", "大型协作体", Units));
        _weekly = _hub.ReportOf("weekly");
        var w47 = _hub.Timeline(_weekly).FromKey("2026-W47")!;
        var expected = _hub.ExpectedSubmitters(_weekly);
        var sent = Units == 14
            ? expected.Take(4).Select((e, i) => Sent(w47, e.Id, w47.Due.AddHours(i == 3 ? 20 : -20), "完成区域游戏观察记录12份。组织教研活动1次，形成案例2篇。", "户外场地不足，需街道协调"))
            : expected.Take(300).Select((e, i) => Sent(w47, e.Id, w47.Due.AddHours(-3), $"第{i + 1}园完成游戏观察与教研活动。持续推进课程游戏化。", i % 5 == 0 ? $"第{i + 1}园师资紧张" : "无"))
                .Concat(expected.Skip(300).Take(100).Select(e => Sent(w47, e.Id, w47.Due.AddHours(30), "补报本周进展", "无")));
        LeaveRecord[] leave = Units == 14
            ? [new(_hub.Id, "l1", LeaveSubject.Unit, expected[13].UnitId, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), "迎检", "bench", Monday)]
            : [];
        var digest = _weekly.Digests[0];
        _statistics = DigestStatistics.Compute(_hub, _weekly, digest, DigestHistory.Plan(_hub, _weekly, w47), [.. sent], leave, [], Monday);

        var (_, template, problem) = Render();
        if (problem is not null || template != digest.Template)
        {
            throw new InvalidOperationException($"The digest rendered with '{template}': {problem}");
        }
    }

    [Benchmark(Baseline = true, Description = "StringBuilder")]
    public string Concatenate()
    {
        var c = CultureInfo.InvariantCulture;
        var counts = _statistics.Counts;
        var text = new StringBuilder();
        text.Append("# ").Append(_weekly.Title).Append("汇总 · ").Append(_statistics.Period.Key).Append('\n');
        text.Append("**").Append(_hub.Definition.Name).Append("**\n\n");
        text.Append(c, $"> 应报 **{counts.Expected}** · 已报 **{counts.Submitted}** · 按期 **{counts.OnTime}** · 迟报 **{counts.Late}** · 未报 **{counts.Missing}**\n");
        text.Append(c, $"> 报送率 **{counts.SubmissionRate:P1}** · 按期报送率 **{counts.OnTimeRate:P1}**\n");
        text.Append(c, $"\n## 未报（{counts.Missing}）\n");
        foreach (var s in _statistics.Submitters.Where(s => s.State == SubmitterState.Missing))
        {
            text.Append(c, $"- <font color=\"warning\">{s.Name}</font>　联络员：{string.Join("、", s.Liaisons)}，逾期 {s.DaysLate} 天\n");
        }

        text.Append(c, $"\n## 迟报（{counts.Late}）\n");
        foreach (var s in _statistics.Submitters.Where(s => s.State == SubmitterState.Late))
        {
            text.Append(c, $"- <font color=\"warning\">{s.Name}</font>　{s.SubmittedAt!.Value.ToOffset(Shanghai):M月d日 HH:mm} 报送，迟 {s.DaysLate} 天\n");
        }

        AppendTexts(text, "亮点", _statistics.Highlights);
        AppendTexts(text, "问题", _statistics.Problems);
        return text.ToString();
    }

    [Benchmark(Description = "DigestBuilder.Render")]
    public (string Markdown, string Template, string? Problem) Render() => _builder.Render(_hub, _weekly, _weekly.Digests[0], _statistics);

    private static void AppendTexts(StringBuilder text, string heading, IReadOnlyList<SubmitterText> lines)
    {
        text.Append("\n## ").Append(heading).Append('\n');
        foreach (var line in lines)
        {
            text.Append("- **").Append(line.Name).Append("**：").Append(line.Text).Append('\n');
        }
    }

    private Submission Sent(Period period, string unit, DateTimeOffset at, string progress, string problems) =>
        new(_hub.Id, "weekly", period.Key, unit, unit,
            new Dictionary<string, string> { ["progress"] = progress, ["problems"] = problems, ["plan"] = "继续", ["sessions"] = "1" },
            SubmissionChannel.WeComApp, "bench", at, at, at > period.Due, 1, Withdrawn: false);
}

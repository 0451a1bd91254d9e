using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Scriban;
using ServerlessHub.Chat;
using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;
using ServerlessHub.Replies;
using ServerlessHub.Submissions;

namespace ServerlessHub.MicroBenchmarks.Replies;

/// <summary>
/// <see cref="ChatReplies"/> rendering the replies chat sends most, from <c>templates/chat/</c> with models built from
/// the demo kindergartens hub as the golden-file tests build them, at Thursday 2026-11-26 10:00 in Asia/Shanghai.
/// The baseline renders a one-variable template through the same <see cref="TemplateRenderer"/> and limits: the cost
/// every reply pays before its template does anything (a template context, the built-ins, the model, the tidy-up).
/// </summary>
[MemoryDiagnoser]
public class ChatReplyRenderingBenchmarks
{
    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly Template _trivial = TemplateRenderer.Parse("{{ title }}", "trivial");
    private readonly TitleModel _trivialModel = new("周报");

    private ChatReplies _replies = null!;
    private Hub _hub = null!;
    private ReportKind _weekly = null!;
    private Period _week = null!;
    private Person _liaison = null!;
    private Person _coordinator = null!;
    private Submission _submission = null!;
    private StatusLine[] _status = [];
    private PeriodStatus _periodStatus = null!;
    private ChatCommand _help = null!;

    [GlobalSetup]
    public void Setup()
    {
        _replies = new ChatReplies(DemoHubs.Templates(), new FakeTimeProvider(Thursday));
        _hub = DemoHubs.Kindergartens();
        _weekly = _hub.ReportOf("weekly");
        var monthly = _hub.ReportOf("monthly");
        _week = _hub.Timeline(_weekly).Containing(Thursday)!;
        _liaison = _hub.PersonOf("wangxiaomei");
        _coordinator = _hub.PersonOf("qianwenbo");
        _submission = Submitted("moling", Thursday, late: false);
        _status =
        [
            new StatusLine(_weekly, _week, SubmitterState.Pending, null),
            new StatusLine(monthly, _hub.Timeline(monthly).FromKey("2026-10")!, SubmitterState.Late, new DateTimeOffset(2026, 11, 6, 9, 12, 0, TimeSpan.FromHours(8))),
        ];

        // Of the 14 kindergartens, 9 have submitted (2 late), one is on leave and 4 are missing: the 未交 list a
        // coordinator reads on Saturday.
        var saturday = Thursday.AddDays(2);
        var expected = _hub.ExpectedSubmitters(_weekly);
        var submissions = expected.Take(9).Select((s, i) => Submitted(s.UnitId, i < 7 ? Thursday : saturday, late: i >= 7) with { SubmitterId = s.Id });
        LeaveRecord[] leave = [new(_hub.Id, "l1", LeaveSubject.Unit, expected[9].UnitId, new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 28), "外出培训", "wuqian", Thursday)];
        _periodStatus = PeriodStatus.Compute(_hub, _weekly, _week, submissions, leave, saturday);
        _help = ChatCommandParser.Parse("帮助", _coordinator, _hub.Definition, DateOnly.FromDateTime(Thursday.DateTime));
    }

    [Benchmark(Baseline = true)]
    public string TrivialTemplate() => TemplateRenderer.Render(_trivial, "trivial", _trivialModel, RenderLimits.Chat);

    [Benchmark]
    public string Receipt() => _replies.Receipt(_hub, _weekly, _week, _submission, RevisionAction.Submitted, []).Text;

    [Benchmark]
    public string Status() => _replies.Status(_hub, _liaison, _status).Text;

    [Benchmark]
    public string Missing() => _replies.Missing(_hub, _weekly, _periodStatus).Text;

    [Benchmark]
    public string Help() => _replies.ForIntent(_hub, _coordinator, _help).Text;

    private Submission Submitted(string unit, DateTimeOffset at, bool late) => new(
        _hub.Id, "weekly", _week.Key, unit, unit,
        new Dictionary<string, string>
        {
            ["progress"] = "开展户外自主游戏观摩活动，完成两个班级的游戏故事记录",
            ["problems"] = "户外场地不足，雨天活动受限",
            ["plan"] = "整理游戏故事案例，参加片区教研",
            ["sessions"] = "3",
        },
        SubmissionChannel.WeComApp, "wangxiaomei", at, at, late, 1, false);

    private sealed record TitleModel(string Title);
}

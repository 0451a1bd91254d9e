using BenchmarkDotNet.Attributes;
using ServerlessHub.Chat;
using ServerlessHub.Hubs;

namespace ServerlessHub.MicroBenchmarks.Chat;

/// <summary>
/// <see cref="ChatCommandParser.Parse"/> on the demo kindergartens hub for the commands people send most, each from
/// someone allowed to send it. The baseline splits the same text at spaces, line breaks and colons: the least any
/// reading of the message does.
/// </summary>
[MemoryDiagnoser]
public class ChatCommandParserBenchmarks
{
    private static readonly char[] Separators = [' ', '\n', ':', '：'];

    /// <summary>A Wednesday of 2026-W48, so 上周 is W47.</summary>
    private static readonly DateOnly Today = new(2026, 11, 25);

    private HubDefinition _hub = null!;
    private Person _sender = null!;

    [ParamsSource(nameof(Commands))]
    public ChatCase Command { get; set; } = null!;

    public static IEnumerable<ChatCase> Commands { get; } =
    [
        new("周报 with 4 fields", "周报\n本周进展：开展户外自主游戏观摩活动\n存在问题：部分教师观察记录不够深入\n下周计划：组织课程故事分享会\n活动场次：3", "wangxiaomei", typeof(SubmitReport)),
        new("状态", "状态", "wangxiaomei", typeof(ShowStatus)),
        new("汇总 周报 上周", "汇总 周报 上周", "qianwenbo", typeof(ShowDigest)),
        new("看 周报 上周 秣陵", "看 周报 上周 秣陵", "qianwenbo", typeof(ShowUnitReport)),
        new("not a command", "你好，请问这周要交什么", "wangxiaomei", typeof(ShowHelp)),
    ];

    [GlobalSetup]
    public void Setup()
    {
        var hub = DemoHubs.Kindergartens();
        _hub = hub.Definition;
        _sender = hub.PersonOf(Command.Sender);

        // A case that parsed as something else would measure the wrong path without anyone noticing.
        var parsed = ChatCommandParser.Parse(Command.Text, _sender, _hub, Today);
        if (parsed.GetType() != Command.Expected)
        {
            throw new InvalidOperationException($"'{Command}' parses as {parsed.GetType().Name}, not {Command.Expected.Name}.");
        }
    }

    [Benchmark(Baseline = true, Description = "string.Split")]
    public int Split() => Command.Text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Length;

    [Benchmark(Description = "ChatCommandParser.Parse")]
    public ChatCommand Parse() => ChatCommandParser.Parse(Command.Text, _sender, _hub, Today);
}

/// <summary>One benchmarked chat message, who sends it, and the command it must parse as.</summary>
/// <param name="Name">How the results table names it.</param>
public sealed record ChatCase(string Name, string Text, string Sender, Type Expected)
{
    public override string ToString() => Name;
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Outbound;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Api;
using ServerlessHub.WeCom.Simulation;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Benchmarks.Delivery;

/// <summary>
/// (a) The sustained rate at which the <c>outbound</c> function delivers app messages to distinct members through the
/// simulator, against direct <see cref="WeComAppClient"/> sends at a fixed concurrency measured before and after it;
/// (b) the rate the app achieves to one group robot against its limit, with the window scaled down.
/// </summary>
internal static class DeliveryCommand
{
    private const string HubId = "bench-delivery";
    private const string CorpId = "wwbenchcorp";
    private const int AgentId = 1000011;
    private const string Secret = "bench-delivery-secret";
    private const string RobotKey = "bench-robot-key";
    private const int RobotLimit = 20;
    private static readonly TimeSpan WeComWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan DefaultMargin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken cancellationToken)
    {
        var messages = args.Int("messages", 1000, 200);
        var concurrency = args.Int("concurrency", 16, 16);
        var robotMessages = args.Int("robot-messages", 60, 40);
        var window = TimeSpan.FromSeconds(args.Int("window-seconds", 6, 3));

        // Every WeCom duration is scaled by the same factor, so the limiter paces as it would over a minute.
        var scale = window / WeComWindow;
        var margin = DefaultMargin * scale;
        var maxWait = TimeSpan.FromMilliseconds(args.Int("max-wait-ms", (int)(DefaultMaxWait * scale).TotalMilliseconds, (int)(DefaultMaxWait * scale).TotalMilliseconds));
        args.EnsureAllRead();
        var baselineMessages = messages / 2;

        // The simulator allows far more than the robot limit, so the app's own pacing is what the arrival times show:
        // anything above 20 per window would arrive rather than be refused with 45009 and retried.
        await using var weCom = new WeComSimulator(new WeComSimulatorOptions
        {
            CorpId = CorpId,
            Apps = [new SimulatedApp { AgentId = AgentId, Secret = Secret }],
            RobotKeys = [RobotKey],
            Users = [.. Enumerable.Range(0, messages + 2 * baselineMessages + 1).Select(Member)],
            RobotRateWindow = window,
            RobotMessagesPerMinute = 1000,
        });
        await weCom.StartAsync(0, cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["LocalHost:RunTriggers"] = "false",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
            ["WeCom:BaseUrl"] = weCom.BaseAddress.ToString(),
            ["Outbound:RateWindow"] = window.ToString(),
            ["Outbound:RateMargin"] = margin.ToString(),
            ["Outbound:MaxWait"] = maxWait.ToString(),
            ["BENCH_SECRET"] = Secret,
            ["BENCH_TOKEN"] = "BenchToken2026",
            ["BENCH_AES"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ["BENCH_ROBOT"] = RobotKey,
        };
        Console.WriteLine("Starting Azurite and an HTTP-only app to apply the hub…");
        await using var bench = await BenchmarkHub.StartAsync(HubId, BenchmarkHub.Document(HubId, 2, Extra()), settings, cancellationToken);
        var queue = new QueueClient(bench.Azurite.ConnectionString, OutboundQueues.QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        using var weComHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = Timeout.InfiniteTimeSpan };
        var direct = new WeComAppClient(CorpId, Secret, AgentId, weComHttp, new WeComClientOptions { BaseUri = weCom.BaseAddress }, TimeProvider.System);

        // Warm-up of the direct client (token, connections, JIT), then the first half of the baseline.
        await DirectAsync(direct, 0, Math.Min(100, baselineMessages), concurrency, cancellationToken);
        Console.WriteLine($"Direct WeComAppClient sends: {baselineMessages} at concurrency {concurrency}…");
        var before = await DirectAsync(direct, messages + 1, baselineMessages, concurrency, cancellationToken);

        Console.WriteLine($"Enqueuing {messages} app messages, then starting the delivering instance…");
        await EnqueueAsync(queue, Enumerable.Range(0, messages).Select(i => new SendMessage(HubId, $"app-{i:D5}", Destination.People(Member(i)), MessageFormat.Text, Content(i))), cancellationToken);
        var appsBefore = Count(weCom, SimulatedChannel.App);
        settings["AzureWebJobsStorage"] = bench.Azurite.ConnectionString;
        settings["LocalHost:RunTriggers"] = "true";
        long storageRequests;
        using (var counter = new StorageRequestCounter(bench.Azurite.TablePort, bench.Azurite.QueuePort))
        {
            await using var delivering = await HubInstance.StartAsync(settings, cancellationToken: cancellationToken);
            await WaitForAsync(weCom, SimulatedChannel.App, appsBefore + messages, TimeSpan.FromSeconds(120), cancellationToken);
            storageRequests = counter.Count;
            await delivering.StopAsync(cancellationToken);
        }

        var delivered = weCom.Messages.Where(m => m.Channel == SimulatedChannel.App).Skip(appsBefore).Select(m => m.ReceivedAt).ToList();
        var appRate = (delivered.Count - 1) / (delivered.Max() - delivered.Min()).TotalSeconds;

        Console.WriteLine($"Direct WeComAppClient sends again: {baselineMessages}…");
        var after = await DirectAsync(direct, messages + 1 + baselineMessages, baselineMessages, concurrency, cancellationToken);
        var directRate = 2 * baselineMessages / (before + after).TotalSeconds;

        Console.WriteLine($"Robot: {robotMessages} messages to one robot, limit {RobotLimit} per {window.TotalSeconds:0.#} s…");
        await EnqueueAsync(queue, Enumerable.Range(0, robotMessages).Select(i => new SendMessage(HubId, $"robot-{i:D4}", Destination.Channel("robot"), MessageFormat.Text, Content(i))), cancellationToken);
        await using var robotInstance = await HubInstance.StartAsync(settings, cancellationToken: cancellationToken);
        await WaitForAsync(weCom, SimulatedChannel.Robot, robotMessages, TimeSpan.FromSeconds(30 + robotMessages / (double)RobotLimit * window.TotalSeconds * 2), cancellationToken);
        var robot = weCom.Messages.Where(m => m.Channel == SimulatedChannel.Robot).Select(m => m.ReceivedAt).Order().ToList();
        var robotStats = RobotPacing.Of(robot, RobotLimit, window);

        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine("| App messages | Messages | Messages/s | Ratio to direct | Storage requests per message |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        report.AppendLine(c, $"| Direct `WeComAppClient.SendTextAsync`, concurrency {concurrency} (before + after) | {2 * baselineMessages} | {directRate:0} | 1.00 | 0 |");
        report.AppendLine(c, $"| Queue → `Outbound` function → simulator | {delivered.Count} | {appRate:0} | {appRate / directRate:0.00} | {storageRequests / (double)messages:0.0} |");
        report.AppendLine();
        report.AppendLine(c, $"| Robot (limit {RobotLimit} per {window.TotalSeconds:0.#} s window) | Value |");
        report.AppendLine("|---|---:|");
        report.AppendLine(c, $"| Messages delivered | {robot.Count} |");
        report.AppendLine(c, $"| Most in any {window.TotalSeconds:0.#} s sliding window | {robotStats.MostInWindow} |");
        report.AppendLine(c, $"| Shortest time spanning {RobotLimit + 1} consecutive sends (message n to n + {RobotLimit}) | {robotStats.ShortestSpan.TotalSeconds:0.000} s |");
        report.AppendLine(c, $"| Mean time spanning {RobotLimit + 1} consecutive sends | {robotStats.MeanSpan.TotalSeconds:0.000} s |");
        report.AppendLine(c, $"| Achieved rate (messages per window) | {robotStats.AchievedPerWindow:0.00} |");
        report.AppendLine(c, $"| Achieved / limit | {robotStats.AchievedPerWindow / RobotLimit:0.000} |");
        report.AppendLine();
        var robotOk = robotStats.MostInWindow <= RobotLimit && robotStats.AchievedPerWindow / RobotLimit >= 0.95;
        report.AppendLine(c, $"Robot: at most {robotStats.MostInWindow} per window (never above {RobotLimit}: {(robotStats.MostInWindow <= RobotLimit ? "met" : "NOT met")}), " +
            $"achieved {robotStats.AchievedPerWindow / RobotLimit:0.0%} of the limit (within 5 %: {(robotStats.AchievedPerWindow / RobotLimit >= 0.95 ? "met" : "not met")}).");
        report.AppendLine();
        report.AppendLine(c, $"Scaling: WeCom's 1-minute window is {window.TotalSeconds:0.#} s here (×{scale:0.###}), and so is `Outbound:RateMargin` ({margin.TotalMilliseconds:0} ms); `Outbound:MaxWait` {maxWait.TotalMilliseconds:0} ms (scaled: {(DefaultMaxWait * scale).TotalMilliseconds:0} ms); " +
            $"the simulator's robot limit was raised to 1000 per window so only the app paces. App rate from the first to the last arrival at the simulator; " +
            $"{messages} messages to distinct members were queued before the delivering instance started (queue `batchSize` 16, `newBatchThreshold` 8). " +
            $".NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}.");
        Console.WriteLine();
        Console.WriteLine(report);
        return robotOk ? 0 : 1;
    }

    private static string Member(int index) => string.Create(CultureInfo.InvariantCulture, $"m{index:D5}");

    private static string Content(int index) => string.Create(CultureInfo.InvariantCulture, $"【周报提醒】第{index + 1}号：本周周报将于周五 17:00 截止，请及时通过应用或 HTTP 接口报送。");

    private static string Extra() => $$"""
        wecom:
          corpId: {{CorpId}}
          agentId: {{AgentId}}
          token: "@setting:BENCH_TOKEN"
          encodingAesKey: "@setting:BENCH_AES"
          secret: "@setting:BENCH_SECRET"
        channels:
          - { id: robot, kind: robot-webhook, webhook: "@setting:BENCH_ROBOT" }

        """;

    private static async Task<TimeSpan> DirectAsync(WeComAppClient client, int firstMember, int count, int concurrency, CancellationToken cancellationToken)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await client.SendTextAsync(WeComRecipients.Users(Member(firstMember + i)), Content(i), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken)));
        return clock.Elapsed;
    }

    private static async Task EnqueueAsync(QueueClient queue, IEnumerable<SendMessage> messages, CancellationToken cancellationToken)
    {
        var all = messages.ToList();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < all.Count)
            {
                await queue.SendMessageAsync(JsonSerializer.Serialize(all[i], OutboundJsonContext.Default.SendMessage), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken)));
    }

    private static int Count(WeComSimulator weCom, SimulatedChannel channel) => weCom.Messages.Count(m => m.Channel == channel);

    private static async Task WaitForAsync(WeComSimulator weCom, SimulatedChannel channel, int count, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (Count(weCom, channel) < count)
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Only {Count(weCom, channel)} of {count} {channel} messages arrived within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}

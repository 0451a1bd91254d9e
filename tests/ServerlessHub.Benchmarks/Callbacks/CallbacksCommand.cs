using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Azure.Storage.Queues;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Inbound;

namespace ServerlessHub.Benchmarks.Callbacks;

/// <summary>
/// Acknowledgement latency of WeCom app callbacks (<c>POST /api/wecom/{hub}/callback</c>) under a steady open-loop
/// rate, next to a bare 200 endpoint in the same process at the same rate: bare for half the time, callbacks for the
/// whole time, bare for the other half, so drift hits both. Every callback is valid, encrypted and signed as WeCom
/// does, with a fresh MsgId.
/// </summary>
internal static class CallbacksCommand
{
    private const string HubId = "bench-callbacks";
    private const int Units = 50;
    private const double GoalP99 = 25;

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken cancellationToken)
    {
        var rate = args.Int("rate", 200, 200);
        var seconds = args.Int("seconds", 30, 5);
        var triggers = args.Text("triggers", "off", "off") switch
        {
            "on" => true,
            "off" => false,
            var other => throw new ArgumentException($"--triggers is on or off, not '{other}'."),
        };
        args.EnsureAllRead();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var warmup = Math.Max(1, seconds / 10) * rate;
        var measured = seconds * rate;

        // Replies (triggers on) go to the simulator; its per-message console lines would compete for the CPU.
        await using var weCom = AppCallbacks.Simulator(Enumerable.Range(0, Units).Select(BenchmarkHub.LiaisonId));
        await weCom.StartAsync(0, cancellationToken);
        Console.WriteLine($"Starting Azurite and the app (triggers {(triggers ? "on" : "off")})…");
        var settings = AppCallbacks.Settings(weCom);
        settings["LocalHost:RunTriggers"] = triggers ? "true" : "false";
        await using var bench = await BenchmarkHub.StartAsync(HubId, BenchmarkHub.Document(HubId, Units, AppCallbacks.HubYaml()), settings, cancellationToken);
        await using var bare = await BareEndpoint.StartAsync(cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = TimeSpan.FromSeconds(30) };

        Console.WriteLine($"Encrypting {warmup + measured} callbacks…");
        var callbackUrl = new Uri(bench.App.BaseAddress, $"/api/wecom/{HubId}/callback");
        var pool = Seal(warmup + measured, callbackUrl);

        Console.WriteLine($"Warm-up: {warmup} callbacks and {warmup} bare requests at {rate}/s…");
        await OpenLoad.RunAsync(warmup, interval, (i, ct) => PostAsync(http, pool[i], ct), cancellationToken);
        await OpenLoad.RunAsync(warmup, interval, (i, ct) => PostAsync(http, pool[i] with { Url = bare.Url }, ct), cancellationToken);

        Console.WriteLine($"Measuring: bare {measured / 2}, callbacks {measured}, bare {measured - measured / 2}, at {rate}/s…");
        var bareBefore = await OpenLoad.RunAsync(measured / 2, interval, (i, ct) => PostAsync(http, pool[warmup + i] with { Url = bare.Url }, ct), cancellationToken);
        var callbacks = await OpenLoad.RunAsync(measured, interval, (i, ct) => PostAsync(http, pool[warmup + i], ct), cancellationToken);
        var bareAfter = await OpenLoad.RunAsync(measured - measured / 2, interval, (i, ct) => PostAsync(http, pool[warmup + i] with { Url = bare.Url }, ct), cancellationToken);

        var queue = new QueueClient(bench.Azurite.ConnectionString, InboundChatFunction.QueueName);
        var queued = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var callbackLatency = Latencies.Of(callbacks.Latencies);
        var bareLatency = Latencies.Of(bareBefore.Latencies.Concat(bareAfter.Latencies));

        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine("| Endpoint | Requests | Failed | p50 (ms) | p90 (ms) | p99 (ms) | Max (ms) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(c, $"| App callback (`POST /api/wecom/{{hub}}/callback`) | {callbackLatency.Count} | {callbacks.Failures} | {callbackLatency.P50:0.0} | {callbackLatency.P90:0.0} | {callbackLatency.P99:0.0} | {callbackLatency.Max:0.0} |");
        report.AppendLine(c, $"| Bare 200 (same process) | {bareLatency.Count} | {bareBefore.Failures + bareAfter.Failures} | {bareLatency.P50:0.0} | {bareLatency.P90:0.0} | {bareLatency.P99:0.0} | {bareLatency.Max:0.0} |");
        report.AppendLine();
        report.AppendLine(c, $"Callback p99 **{callbackLatency.P99:0.0} ms** (goal ≤ {GoalP99:0} ms{(callbackLatency.P99 <= GoalP99 ? ", met" : ", not met")}); p99 ratio to bare {callbackLatency.P99 / bareLatency.P99:0.0}×.");
        report.AppendLine();
        report.AppendLine(c, $"Open loop at {rate}/s (one request every {interval.TotalMilliseconds:0.#} ms, latency from the scheduled instant): {measured} callbacks in {callbacks.Elapsed.TotalSeconds:0.0} s, " +
            $"bare {measured / 2} before and {measured - measured / 2} after; {warmup} of each first as warm-up. Triggers {(triggers ? "on: the inbound function consumed the queue while it grew" : "off: nothing consumed the inbound queue")}; " +
            $"it held {queued} messages at the end. .NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}.");
        Console.WriteLine();
        Console.WriteLine(report);
        return callbacks.Failures == 0 && bareBefore.Failures + bareAfter.Failures == 0 ? 0 : 1;
    }

    /// <summary>Callbacks as WeCom sends them, all signed at the same instant, one per liaison in turn.</summary>
    private static AppCallback[] Seal(int count, Uri url)
    {
        var crypto = AppCallbacks.Crypto();
        var timestamp = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, count).Select(i => AppCallbacks.Seal(crypto, url, BenchmarkHub.LiaisonId(i % Units), "本周进展：完成区域游戏观察记录，组织教研活动 2 次", timestamp))];
    }

    private static async Task<bool> PostAsync(HttpClient http, AppCallback callback, CancellationToken cancellationToken) =>
        await AppCallbacks.PostAsync(http, callback, cancellationToken).ConfigureAwait(false) == HttpStatusCode.OK;
}

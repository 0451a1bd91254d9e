using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime;
using System.Runtime.InteropServices;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Benchmarks.Submissions;
using ServerlessHub.Inbound;
using ServerlessHub.Outbound;

namespace ServerlessHub.Benchmarks.Soak;

/// <summary>
/// A steady mixed load (submissions, WeCom callbacks, period-status reads) at a share of the capacity measured in the
/// same run, for minutes: memory, collections, errors and latency sampled every five seconds, to show that memory
/// levels off and latency does not drift.
/// </summary>
internal static class SoakCommand
{
    private const string HubId = "bench-soak";
    private const int Units = 500;
    private const int Seeded = 400;

    /// <summary>The week whose status is read: it holds <see cref="Seeded"/> submissions before the load starts.</summary>
    private const string StatusPeriod = "2026-W46";

    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The app's clock stands on Monday 2027-01-04 10:00 (2027-W01) and the weekly report takes late submissions for 53
    /// periods, so every week of 2026 takes first submissions throughout: 2026-W02…W52, but for the status week, are
    /// 25,000 distinct (unit, week) pairs to submit. W01 and W53 are left out, as the first to close and the last to fall due.
    /// </summary>
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken cancellationToken)
    {
        var seconds = args.Int("seconds", 120, 20);
        var capacitySeconds = args.Int("capacity-seconds", 15, 5);
        var concurrency = args.Int("concurrency", 16, 16);
        var percent = args.Int("load", 80, 80);
        var triggers = args.Text("triggers", "on", "on") switch
        {
            "on" => true,
            "off" => false,
            var other => throw new ArgumentException($"--triggers is on or off, not '{other}'."),
        };
        args.EnsureAllRead();
        if (seconds < 20 || seconds % 10 != 0)
        {
            throw new ArgumentException("--seconds must be a multiple of 10, at least 20 (the report compares the first and last 10 s and the two halves).");
        }

        await using var weCom = AppCallbacks.Simulator(Enumerable.Range(0, Units).Select(BenchmarkHub.LiaisonId));
        await weCom.StartAsync(0, cancellationToken);
        Console.WriteLine($"Starting Azurite and the app ({Units}-unit hub, triggers {(triggers ? "on" : "off")})…");
        var settings = AppCallbacks.Settings(weCom);
        settings["LocalHost:RunTriggers"] = triggers ? "true" : "false";
        var clock = new SettableClock(Now);
        await using var bench = await BenchmarkHub.StartAsync(HubId, BenchmarkHub.Document(HubId, Units, "    acceptLateFor: 53\n" + AppCallbacks.HubYaml()), settings,
            services => services.AddSingleton<TimeProvider>(clock), cancellationToken);
        using var http = bench.Client();

        Console.WriteLine($"Submitting {Seeded} reports for {StatusPeriod}, whose status the load reads…");
        await SeedAsync(http, cancellationToken);
        var mix = new MixedLoad(http, HubId, StatusPeriod, new Uri(bench.App.BaseAddress, $"/api/wecom/{HubId}/callback"), AppCallbacks.Crypto(), clock, Units, Pairs());

        var warmup = TimeSpan.FromSeconds(Math.Max(1, capacitySeconds / 5));
        Console.WriteLine($"Warm-up: the mix, closed loop at concurrency {concurrency}, {warmup.TotalSeconds:0} s…");
        await ClosedLoopAsync(mix, concurrency, warmup, cancellationToken);
        var warmupErrors = mix.TakeErrors();

        Console.WriteLine($"Capacity: the mix, closed loop at concurrency {concurrency}, {capacitySeconds} s…");
        var capacity = await ClosedLoopAsync(mix, concurrency, TimeSpan.FromSeconds(capacitySeconds), cancellationToken);
        var capacityErrors = mix.TakeErrors();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {capacity.Requests} requests in {capacity.Elapsed.TotalSeconds:0.0} s: {capacity.PerSecond:0.0}/s, {capacityErrors.Values.Sum()} errors"));

        var rate = capacity.PerSecond * percent / 100;
        var count = (int)(rate * seconds);
        var interval = TimeSpan.FromSeconds(1 / rate);
        var needed = (int)Math.Ceiling(count * MixedLoad.SubmissionShare) + 1;
        if (needed > mix.SubmissionsLeft)
        {
            throw new ArgumentException($"A {seconds} s soak at {rate:0.0}/s needs {needed} distinct submissions; {mix.SubmissionsLeft} are left. Shorten --seconds or lower --load.");
        }

        var queues = triggers ? new Queues(bench.Azurite.ConnectionString) : null;
        await DrainAsync(queues, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Soak: {count} requests, open loop at {rate:0.0}/s ({percent} % of capacity) for {seconds} s, sampled every {SampleEvery.TotalSeconds:0} s…"));
        using var simulator = new HttpClient { BaseAddress = weCom.BaseAddress };
        var failed = new bool[count];
        var sampler = SampleAsync(seconds, queues, simulator, cancellationToken);
        var soak = await OpenLoad.RunAsync(count, interval, async (i, ct) =>
        {
            var ok = await mix.SendAsync(i, ct);
            failed[i] = !ok;
            return ok;
        }, cancellationToken);
        var samples = await sampler;
        var soakErrors = mix.TakeErrors();

        var run = new SoakRun(seconds, SampleEvery, interval, soak.Latencies, failed, samples, soakErrors);
        Console.WriteLine();
        Console.WriteLine(SoakReport.Samples(run));
        Console.WriteLine(SoakReport.Summary(run, capacityErrors, actOnLevelling: !args.Quick, out var passed));
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c,
            $"Mix: {MixedLoad.SubmissionShare:P0} first submissions to distinct (unit, week) pairs of a {Units}-unit hub, 30 % WeCom app callbacks (a liaison's 状态, " +
            $"encrypted and signed), 30 % status reads of a week with {Seeded} submissions. Capacity: closed loop at concurrency {concurrency} for {capacitySeconds} s " +
            $"after a {warmup.TotalSeconds:0} s warm-up ({warmupErrors.Values.Sum()} errors in it): {capacity.PerSecond:0.0} requests/s. Soak: open loop at {rate:0.0}/s, " +
            $"latency from each request's scheduled instant; a window's requests are those scheduled in it."));
        Console.WriteLine();
        Console.WriteLine(triggers
            ? "Triggers on: the inbound and outbound functions process every callback after it is answered (status query, reply to the simulator), on the same CPUs as the load."
            : "Triggers off: callbacks are answered and queued, not processed.");
        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"The app runs in this process, as in the other benchmarks, so RSS and the heap include the load generator (its HttpClient, a {count * (sizeof(double) + sizeof(bool)) / 1024.0:0} KiB " +
            $"record of latencies allocated before the soak) and the WeCom simulator, whose message log is cleared at every sample; Azurite runs in a process of its own. " +
            $"GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}. .NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, " +
            $"{Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}."));
        return passed ? 0 : 1;
    }

    /// <summary>2026-W02…W52 without the status week, for every unit, shuffled with a fixed seed.</summary>
    private static (string Unit, string Period)[] Pairs()
    {
        var pairs = Enumerable.Range(2, 51)
            .Select(week => string.Create(CultureInfo.InvariantCulture, $"2026-W{week:D2}"))
            .Where(period => period != StatusPeriod)
            .SelectMany(period => Enumerable.Range(0, Units).Select(unit => (BenchmarkHub.UnitId(unit), period)))
            .ToArray();
        new Random(2026).Shuffle(pairs);
        return pairs;
    }

    private static async Task SeedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int unit;
            while ((unit = Interlocked.Increment(ref next)) < Seeded)
            {
                using var response = await http.PostAsJsonAsync(
                    $"api/hubs/{HubId}/reports/weekly/periods/{StatusPeriod}/submissions",
                    new SubmitBody(BenchmarkHub.UnitId(unit), SubmitBody.SampleFields, "bench"), BenchmarkJsonContext.Default.SubmitBody, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"Submitting for {BenchmarkHub.UnitId(unit)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
        }, cancellationToken)));
    }

    /// <summary>Requests of the mix from <paramref name="concurrency"/> workers, each sending its next as soon as its last is answered.</summary>
    private static async Task<ClosedLoopResult> ClosedLoopAsync(MixedLoad mix, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                await mix.SendAsync(Interlocked.Increment(ref next), cancellationToken);
            }
        }, cancellationToken)));
        return new ClosedLoopResult(next + 1, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A sample at the start and every <see cref="SampleEvery"/> until <paramref name="seconds"/>.</summary>
    private static async Task<List<ProcessSample>> SampleAsync(int seconds, Queues? queues, HttpClient simulator, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        List<ProcessSample> samples = [ProcessSample.Take(TimeSpan.Zero, await DepthsAsync(queues, cancellationToken))];
        using var timer = new PeriodicTimer(SampleEvery);
        for (var k = 1; k * SampleEvery.TotalSeconds <= seconds; k++)
        {
            await timer.WaitForNextTickAsync(cancellationToken);
            var at = Stopwatch.GetElapsedTime(started);
            samples.Add(ProcessSample.Take(at, await DepthsAsync(queues, cancellationToken)));
            if (queues is not null)
            {
                // The simulator keeps every reply it receives; left alone, that log would grow with the soak and read as the app's memory.
                using var cleared = await simulator.DeleteAsync("_sim/messages", cancellationToken);
            }
        }

        return samples;
    }

    /// <summary>
    /// Waits (at most 60 s) until the callbacks of the capacity phase, answered faster than the functions process them,
    /// are processed and their replies sent, so that the soak starts from a steady state rather than a backlog.
    /// </summary>
    private static async Task DrainAsync(Queues? queues, CancellationToken cancellationToken)
    {
        if (queues is null)
        {
            return;
        }

        Console.WriteLine("Waiting for the functions to work off the callbacks of the capacity phase…");
        var started = Stopwatch.GetTimestamp();
        while (await DepthsAsync(queues, cancellationToken) is { } depths && depths.Inbound + depths.Outbound > 0)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                Console.WriteLine($"  still queued after 60 s (inbound / outbound): {depths}; starting anyway");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  queues drained in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }

    private static async Task<QueueDepths?> DepthsAsync(Queues? queues, CancellationToken cancellationToken) =>
        queues is null ? null : new QueueDepths(await DepthAsync(queues.Inbound, cancellationToken), await DepthAsync(queues.Outbound, cancellationToken));

    private static async Task<int> DepthAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Created with its first message: nothing was queued yet.
            return 0;
        }
    }

    private sealed class Queues(string connectionString)
    {
        public QueueClient Inbound { get; } = new(connectionString, InboundChatFunction.QueueName);

        public QueueClient Outbound { get; } = new(connectionString, OutboundQueues.QueueName);
    }

    private sealed record ClosedLoopResult(int Requests, TimeSpan Elapsed)
    {
        public double PerSecond => Requests / Elapsed.TotalSeconds;
    }
}

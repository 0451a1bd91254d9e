using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Benchmarks.ColdStart;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Digests;
using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;
using ServerlessHub.Schedule;
using ServerlessHub.Storage.Digests;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Benchmarks.Digests;

/// <summary>
/// The 2026-W47 digest of a 500-unit, 2,000-person hub with a term of submissions behind it
/// (<see cref="DigestBuilder.BuildAsync"/>: its three queries, the statistics and the rendering), against the same
/// three single-partition queries made through the same stores, concurrently as the builder makes them, with no
/// compute or render. Runs alternate digest, raw / raw, digest… so drift in machine load hits both alike; every run's
/// Table requests are classified (queries, pages, writes) from the HTTP client's own activities.
/// </summary>
internal static class DigestCommand
{
    private const string HubId = "bench-digest";
    private const string KindId = "weekly";
    private const string DigestedPeriod = "2026-W47";
    private const int Units = 500;
    private const int QueryGoal = 3;
    private const double RatioGoal = 1.5;
    private const int Concurrency = 16;

    /// <summary>The units away over the digested week's due day (on leave, they do not submit that week).</summary>
    private const int FirstUnitOnLeave = 100;
    private const int UnitsOnLeave = 25;

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>When the digest of 2026-W47 is posted: Monday 23 November 2026, 09:00 in Shanghai.</summary>
    private static readonly DateTimeOffset DigestTime = new(2026, 11, 23, 9, 0, 0, Shanghai);

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken cancellationToken)
    {
        var weeks = args.Int("weeks", 12, 4);
        var runs = args.Int("runs", 50, 20);
        args.EnsureAllRead();
        var loadBefore = LoadAverage();

        // Before the app's first storage request, so the request log sees the continuation tokens that tell pages apart.
        TableRequestLog.KeepQueryStrings();
        var clock = new SettableClock(new DateTimeOffset(2026, 8, 31, 9, 0, 0, Shanghai));
        Console.WriteLine($"Starting Azurite and the app ({Units} units, {Units * LargeHubDocument.LiaisonsPerUnit} liaisons, triggers off so nothing else touches storage)…");
        await using var bench = await BenchmarkHub.StartAsync(
            HubId,
            LargeHubDocument.Build(HubId, "基准测试学前教育协作体", Units),
            new Dictionary<string, string?> { ["LocalHost:RunTriggers"] = "false", [LargeHubDocument.RobotSetting] = "http://127.0.0.1:9/robot" },
            services => services.AddSingleton<TimeProvider>(clock),
            cancellationToken);
        var services = bench.App.Services;
        var hub = await services.GetRequiredService<HubCatalog>().GetAsync(HubId, cancellationToken) ?? throw new InvalidOperationException("The hub did not load.");
        var kind = hub.FindReport(KindId) ?? throw new InvalidOperationException("The hub has no weekly report.");
        var digest = kind.Digests[0];
        var period = hub.Timeline(kind).FromKey(DigestedPeriod)!;

        Console.WriteLine($"Submitting {weeks} weeks up to {DigestedPeriod} through SubmissionService, each week's ledger written as the tick and late submissions write it, adding leave…");
        var seeded = await SeedAsync(services, hub, kind, period, weeks, clock, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {seeded.Submitted:N0} submissions ({seeded.Late:N0} late), {seeded.Leave} leave records"));
        clock.Now = DigestTime;

        var builder = services.GetRequiredService<DigestBuilder>();
        var submissions = services.GetRequiredService<SubmissionStore>();
        var ledger = services.GetRequiredService<SubmissionLedgerStore>();
        var leave = services.GetRequiredService<LeaveStore>();
        var history = DigestHistory.Plan(hub, kind, period);
        var firstKey = history.Earlier.Count > 0 ? history.Earlier[0].Key : period.Key;
        var dueDay = LocalTime.ToDate(period.Due, hub.TimeZone);
        var today = LocalTime.ToDate(clock.Now, hub.TimeZone);
        var leaveFrom = dueDay < today ? dueDay : today;

        using var log = new TableRequestLog(bench.Azurite.TablePort);
        using var counter = new StorageRequestCounter(bench.Azurite.TablePort);
        var rawRows = new RawRows(0, 0, 0);
        var digestSide = new Side("Digest (`DigestBuilder.BuildAsync`: the three queries, statistics, render)", async ct =>
        {
            var built = await builder.BuildAsync(hub, kind, digest, period, ct);
            if (built.FallbackReason is not null)
            {
                throw new InvalidOperationException($"The built-in template stood in for {digest.Template}: {built.FallbackReason}");
            }
        });
        var rawSide = new Side("Raw single-partition queries (same stores, concurrent, no compute or render)", async ct =>
        {
            // Issued as the builder issues them: all three started, then awaited.
            var current = submissions.ListPeriodAsync(hub.Id, kind.Id, period.Key, ct);
            var away = leave.ListAsync(hub.Id, leaveFrom, ct);
            var entries = ledger.ListAsync(hub.Id, kind.Id, firstKey, period.Key, ct);
            rawRows = new RawRows((await current).Count, (await away).Count, (await entries).Count);
        });

        // The first digest repairs the period's ledger rows where they differ from the submissions; count its writes
        // apart from the steady state measured after it.
        var first = await MeasureAsync(digestSide, log, counter, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first digest: {first.Milliseconds:0.0} ms, {first.Requests.Queries} queries, {first.Requests.Requests} requests, {first.Requests.Writes} writes"));
        for (var i = 0; i < 5; i++)
        {
            await MeasureAsync(rawSide, log, counter, cancellationToken);
            await MeasureAsync(digestSide, log, counter, cancellationToken);
        }

        var samples = new Dictionary<Side, List<Sample>> { [rawSide] = [], [digestSide] = [] };
        var pairs = new List<(double Baseline, double Measured)>(runs);
        for (var run = 0; run < runs; run++)
        {
            var order = run % 2 == 0 ? new[] { digestSide, rawSide } : [rawSide, digestSide];
            foreach (var side in order)
            {
                samples[side].Add(await MeasureAsync(side, log, counter, cancellationToken));
            }

            pairs.Add((samples[rawSide][^1].Milliseconds, samples[digestSide][^1].Milliseconds));
            if ((run + 1) % 10 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run + 1}: digest {samples[digestSide][^1].Milliseconds:0.0} ms, raw {samples[rawSide][^1].Milliseconds:0.0} ms"));
            }
        }

        // For information: the two CPU-only steps on the rows read, without storage.
        var statistics = await builder.ComputeAsync(hub, kind, digest, period, cancellationToken);
        var stored = await submissions.ListPeriodAsync(hub.Id, kind.Id, period.Key, cancellationToken);
        var onLeave = await leave.ListAsync(hub.Id, leaveFrom, cancellationToken);
        var ledgered = await ledger.ListAsync(hub.Id, kind.Id, firstKey, period.Key, cancellationToken);
        var compute = Repeat(runs, () => DigestStatistics.Compute(hub, kind, digest, history, stored, onLeave, ledgered, clock.Now));
        var markdown = builder.Render(hub, kind, digest, statistics).Markdown;
        var render = Repeat(runs, () => builder.Render(hub, kind, digest, statistics));
        var parts = WeComMessageParts.Split(markdown, WeComContentFormat.Markdown, WeComContentLimits.RobotMarkdownBytes);
        var rendering = new Rendering(compute, render, Encoding.UTF8.GetByteCount(markdown), parts.Count, parts.Max(p => Encoding.UTF8.GetByteCount(p)), statistics.Counts);

        var ratio = MedianRatio.Of(pairs);
        var worstQueries = samples[digestSide].Max(s => s.Requests.Queries);
        Console.WriteLine();
        Console.WriteLine(Report(samples, rawSide, digestSide, first, ratio, rawRows, rendering, seeded, weeks, runs, args.Quick, loadBefore, LoadAverage()));

        // A quick run's few pairs on a shared machine give an interval too wide to decide the ratio either way, so it
        // fails only on the query count, which does not vary.
        return worstQueries <= QueryGoal && (args.Quick || ratio.Value <= RatioGoal) ? 0 : 1;
    }

    private static async Task<Seeded> SeedAsync(IServiceProvider services, Hub hub, ReportKind kind, Period last, int weeks, SettableClock clock, CancellationToken cancellationToken)
    {
        var service = services.GetRequiredService<SubmissionService>();
        var closing = services.GetRequiredService<LedgerClosing>();
        var expected = hub.ExpectedSubmitters(kind);
        var timeline = hub.Timeline(kind);
        var periods = new List<Period> { last };
        while (periods.Count < weeks)
        {
            periods.Insert(0, timeline.Previous(periods[0])!);
        }

        int submitted = 0, late = 0;
        var random = new Random(20261123);
        foreach (var period in periods)
        {
            // Per unit and week: one in ten does not submit; of the rest most are on time (two days early or just
            // before the deadline) and about a quarter late (the morning after, or Sunday evening — still before the
            // Monday digest). A few units never report any sessions, so the quota has someone behind; the units on
            // leave over the digested week's due day do not submit that week.
            var slots = new List<int>[4];
            for (var s = 0; s < slots.Length; s++)
            {
                slots[s] = [];
            }

            for (var unit = 0; unit < expected.Count; unit++)
            {
                var draw = random.NextDouble();
                var away = period == last && unit >= FirstUnitOnLeave && unit < FirstUnitOnLeave + UnitsOnLeave;
                if (draw >= 0.10 && !away)
                {
                    slots[draw < 0.50 ? 0 : draw < 0.78 ? 1 : draw < 0.92 ? 2 : 3].Add(unit);
                }
            }

            TimeSpan[] fromDue = [TimeSpan.FromHours(-48), TimeSpan.FromHours(-2), TimeSpan.FromHours(17), TimeSpan.FromHours(51)];
            for (var s = 0; s < slots.Length; s++)
            {
                if (s == 2)
                {
                    // The tick copies the period to the ledger when it falls due; late submissions write their own rows.
                    clock.Now = period.Due + TimeSpan.FromMinutes(1);
                    await closing.RunAsync(new TickWindow(period.Due - TimeSpan.FromMinutes(1), clock.Now), cancellationToken);
                }

                clock.Now = period.Due + fromDue[s];
                var units = slots[s];
                var next = -1;
                await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
                {
                    int item;
                    while ((item = Interlocked.Increment(ref next)) < units.Count)
                    {
                        var unit = units[item];
                        var outcome = await service.SubmitAsync(hub, kind, period, expected[unit], Values(unit, period),
                            new SubmissionActor(LargeHubDocument.LiaisonId(unit), SubmissionChannel.Http), null, cancellationToken);
                        if (outcome is not SubmissionOutcome.Saved { Submission: var saved })
                        {
                            throw new InvalidOperationException($"Submitting for {expected[unit].Id} in {period.Key} came to {outcome}.");
                        }

                        if (saved.Late)
                        {
                            Interlocked.Increment(ref late);
                        }
                    }
                }, cancellationToken)));
                submitted += units.Count;
            }
        }

        return new Seeded(submitted, late, await AddLeaveAsync(services.GetRequiredService<LeaveStore>(), hub, last, cancellationToken));
    }

    private static Dictionary<string, string?> Values(int unit, Period period)
    {
        var week = period.FirstDay.DayOfYear / 7;
        return new(StringComparer.Ordinal)
        {
            ["progress"] = string.Create(CultureInfo.InvariantCulture, $"完成区域游戏观察记录{(unit + week) % 15 + 1}份，组织园内教研{(unit + week) % 3 + 1}次，持续推进课程游戏化。"),
            ["problems"] = (unit + week) % 5 == 0 ? "师资紧张，外出培训与日常保教时间冲突" : "无",
            ["plan"] = "开展自主游戏案例分享，整理课程故事",
            ["sessions"] = unit % 25 == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{(unit + week) % 4}"),
        };
    }

    /// <summary>
    /// 60 leave records: 25 units away over the digested week's due day, 25 whose leave ended weeks before (the query
    /// skips them inside the partition), and 10 liaisons away that week (their units still submit).
    /// </summary>
    private static async Task<int> AddLeaveAsync(LeaveStore store, Hub hub, Period period, CancellationToken cancellationToken)
    {
        var dueDay = LocalTime.ToDate(period.Due, hub.TimeZone);
        var at = new DateTimeOffset(2026, 9, 1, 9, 0, 0, Shanghai);
        var records = new List<LeaveRecord>();
        for (var i = 0; i < UnitsOnLeave; i++)
        {
            records.Add(new LeaveRecord(hub.Id, $"now{i:D2}", LeaveSubject.Unit, LargeHubDocument.UnitId(FirstUnitOnLeave + i), dueDay.AddDays(-2), dueDay.AddDays(1), "集中培训", "bench", at));
            records.Add(new LeaveRecord(hub.Id, $"past{i:D2}", LeaveSubject.Unit, LargeHubDocument.UnitId(200 + i), dueDay.AddDays(-40), dueDay.AddDays(-35), "迎检", "bench", at));
        }

        for (var i = 0; i < 10; i++)
        {
            records.Add(new LeaveRecord(hub.Id, $"person{i:D2}", LeaveSubject.Person, LargeHubDocument.LiaisonId(300 + i), dueDay.AddDays(-4), dueDay, "病假", "bench", at));
        }

        foreach (var record in records)
        {
            await store.AddAsync(record, null, null, cancellationToken);
        }

        return records.Count;
    }

    private static async Task<Sample> MeasureAsync(Side side, TableRequestLog log, StorageRequestCounter counter, CancellationToken cancellationToken)
    {
        var before = log.Snapshot();
        var requestsBefore = counter.Count;
        var started = Stopwatch.GetTimestamp();
        await side.Run(cancellationToken);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var requests = log.Snapshot() - before;

        // The two observers of the same requests must agree, or the classification missed some.
        var counted = counter.Count - requestsBefore;
        return requests.Requests == counted
            ? new Sample(milliseconds, requests)
            : throw new InvalidOperationException($"{side.Label}: the HTTP client's metric counted {counted} Table requests, the request log {requests.Requests}.");
    }

    private static Latencies Repeat(int runs, Action work)
    {
        work();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Latencies.Of(times);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Report(
        Dictionary<Side, List<Sample>> samples, Side raw, Side digest, Sample first, MedianRatio ratio, RawRows rows, Rendering rendering,
        Seeded seeded, int weeks, int runs, bool quick, string loadBefore, string loadAfter)
    {
        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine("| Side | Runs | Median (ms) | p90 (ms) | Queries | HTTP requests | Writes | Rows read |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var side in new[] { raw, digest })
        {
            var list = samples[side];
            var latency = Latencies.Of(list.Select(s => s.Milliseconds));
            report.AppendLine(c, $"| {side.Label} | {list.Count} | {latency.P50:0.0} | {latency.P90:0.0} | {Span(list, s => s.Queries)} | {Span(list, s => s.Requests)} | {Span(list, s => s.Writes)} | {rows.Total:N0} |");
        }

        report.AppendLine(c, $"| Compute alone (`DigestStatistics.Compute` on those rows, no I/O) | {rendering.Compute.Count} | {rendering.Compute.P50:0.0} | {rendering.Compute.P90:0.0} | – | – | – | – |");
        report.AppendLine(c, $"| Render alone (`DigestBuilder.Render`, built-in `digest-weekly`) | {rendering.Render.Count} | {rendering.Render.P50:0.0} | {rendering.Render.P90:0.0} | – | – | – | – |");
        report.AppendLine();

        var queries = samples[digest].Max(s => s.Requests.Queries);
        var crossPartition = samples[digest].Sum(s => s.Requests.CrossPartitionQueries);
        var byTable = string.Join(", ", samples[digest][0].Requests.QueriesByTable.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"`{e.Key}` {e.Value}"));
        var verdict = ratio.High <= RatioGoal ? "met" : ratio.Value <= RatioGoal ? "met by the median, not by the whole interval" : "not met";
        report.AppendLine(c, $"Queries per digest: **{queries}**, {(crossPartition == 0 ? "each in one partition" : $"{crossPartition} of them across partitions")} ({byTable}), " +
            $"in {Span(samples[digest], s => s.Requests)} HTTP requests (pages of up to 1,000 rows) (goal ≤ {QueryGoal}: {(queries <= QueryGoal ? "met" : "not met")}).");
        report.AppendLine(c, $"Digest / raw queries, ratio of the medians: **{ratio.Value:0.00}**, 95 % bootstrap interval {ratio.Low:0.00}–{ratio.High:0.00} (goal ≤ {RatioGoal:0.0}: {verdict}{(quick ? "; a quick run's exit code does not depend on it" : "")}).");
        report.AppendLine(c, $"Rows read per run (both sides make the same queries): {rows.Submissions:N0} submissions of {DigestedPeriod}, {rows.Leave} leave records, {rows.Ledger:N0} ledger rows ({weeks} weeks). " +
            $"Writes: the first digest (before the measured runs) made {first.Requests.Writes}; the measured digests {samples[digest].Sum(s => s.Requests.Writes)}.");
        report.AppendLine(c, $"The digest's Markdown: {rendering.Bytes:N0} bytes (UTF-8), split into **{rendering.Parts}** robot messages of at most 4,096 bytes (largest {rendering.LargestPart:N0}); " +
            $"it counts {rendering.Counts.Expected} expected, {rendering.Counts.Submitted} submitted ({rendering.Counts.Late} late), {rendering.Counts.Missing} missing, {rendering.Counts.OnLeave} on leave.");
        report.AppendLine();
        report.AppendLine(c, $"{Units} units × {LargeHubDocument.LiaisonsPerUnit} liaisons, the weekly report's {weeks} weeks up to {DigestedPeriod} filled through `SubmissionService` " +
            $"({seeded.Submitted:N0} submissions, {seeded.Late:N0} late; the ledger copied from each week at its due time, as the tick does, and written by each late one), {seeded.Leave} leave records; digest as of {DigestTime:yyyy-MM-dd HH:mm} (UTC+8). " +
            $"{runs} measured runs of each side after one first digest and 5 warm-up pairs, interleaved (digest, raw / raw, digest); compute and render alone {runs} times each. " +
            $"Load average {loadBefore} before, {loadAfter} after. .NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        return report.ToString();
    }

    /// <summary>A per-run count as "3", or as "3–4" when runs differed.</summary>
    private static string Span(List<Sample> list, Func<TableRequests, long> count)
    {
        var min = list.Min(s => count(s.Requests));
        var max = list.Max(s => count(s.Requests));
        return min == max ? min.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{min}–{max}");
    }

    private sealed record Side(string Label, Func<CancellationToken, Task> Run);

    private sealed record Sample(double Milliseconds, TableRequests Requests);

    private sealed record RawRows(int Submissions, int Leave, int Ledger)
    {
        public int Total => Submissions + Leave + Ledger;
    }

    private sealed record Seeded(int Submitted, int Late, int Leave);

    private sealed record Rendering(Latencies Compute, Latencies Render, int Bytes, int Parts, int LargestPart, DigestCounts Counts);
}

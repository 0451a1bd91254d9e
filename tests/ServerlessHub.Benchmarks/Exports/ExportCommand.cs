using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;

namespace ServerlessHub.Benchmarks.Exports;

/// <summary>
/// Export of 10,000 submissions (500 units × 20 weeks) as CSV and as XLSX over HTTP, against the raw single-partition
/// queries that read the same rows (<see cref="TableClient.QueryAsync{T}(string, int?, IEnumerable{string}, CancellationToken)"/>,
/// one per week, no app), in rounds that alternate A B C / C B A: rows per second and allocation per row; then the peak
/// of live managed memory during one more run of each. Quarter-range exports in both formats show whether memory grows
/// with the rows (it must not: the export is streamed).
/// </summary>
internal static class ExportCommand
{
    private const string HubId = "bench-export";

    /// <summary>Monday of 2026-W27; the weeks run from there.</summary>
    private static readonly DateOnly FirstMonday = new(2026, 6, 29);

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken cancellationToken)
    {
        var units = args.Int("units", 500, 50);
        var weeks = args.Int("weeks", 20, 4);
        var rounds = args.Int("rounds", 4, 2);
        args.EnsureAllRead();
        var lastDay = FirstMonday.AddDays((7 * weeks) - 1);

        Console.WriteLine($"Starting Azurite and the app ({units}-unit hub, triggers off)…");
        await using var bench = await BenchmarkHub.StartAsync(HubId, BenchmarkHub.Document(HubId, units), new Dictionary<string, string?> { ["LocalHost:RunTriggers"] = "false" }, cancellationToken);
        using var http = bench.Client();
        http.Timeout = TimeSpan.FromMinutes(5);
        Console.WriteLine($"Storing {units * weeks:N0} submissions ({units} units × {weeks} weeks)…");
        var periods = await SeedAsync(bench, units, weeks, cancellationToken);
        var table = new TableServiceClient(bench.Azurite.ConnectionString).GetTableClient(SubmissionStore.TableName);

        var export = $"api/hubs/{HubId}/reports/weekly/export?from={Day(FirstMonday)}&to={Day(lastDay)}";
        var sides = new Side[]
        {
            new("Raw single-partition queries (one per week, `TableClient.QueryAsync`)", units * weeks, ct => RawQueryAsync(table, periods, ct)),
            new("CSV export (`…/export?format=csv`)", units * weeks, ct => DownloadAsync(http, $"{export}&format=csv", ct)),
            new("XLSX export (`…/export?format=xlsx`)", units * weeks, ct => DownloadAsync(http, $"{export}&format=xlsx", ct)),
        };
        var quarterWeeks = Math.Max(1, weeks / 4);
        var quarterLastDay = FirstMonday.AddDays((7 * quarterWeeks) - 1);
        var quarterExport = $"api/hubs/{HubId}/reports/weekly/export?from={Day(FirstMonday)}&to={Day(quarterLastDay)}";
        var quarters = new Side[]
        {
            new($"CSV export of the first {quarterWeeks} weeks only", units * quarterWeeks, ct => DownloadAsync(http, $"{quarterExport}&format=csv", ct)),
            new($"XLSX export of the first {quarterWeeks} weeks only", units * quarterWeeks, ct => DownloadAsync(http, $"{quarterExport}&format=xlsx", ct)),
        };

        // Warm-up: JIT, connection pools, the key and hub caches.
        foreach (var side in sides.Concat(quarters))
        {
            await side.Run(cancellationToken);
        }

        var samples = sides.Concat(quarters).ToDictionary(s => s, _ => new List<Sample>());
        var peaks = new Dictionary<Side, long>();
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0 ? sides : sides.Reverse().ToArray();
            foreach (var side in order.Concat(quarters))
            {
                var sample = await MeasureAsync(side, cancellationToken);
                samples[side].Add(sample);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1}: {side.Label}: {side.Rows:N0} rows in {sample.Seconds:0.000} s, {Mib(sample.Allocated):0.0} MiB allocated"));
            }
        }

        Console.WriteLine("Peak live memory, one untimed run each…");
        foreach (var side in sides.Concat(quarters))
        {
            peaks[side] = await PeakLiveHeapRiseAsync(side, cancellationToken);
        }

        Console.WriteLine();
        Console.WriteLine(Report(samples, peaks, sides[0], units, weeks, rounds));
        return 0;
    }

    private static async Task<List<string>> SeedAsync(BenchmarkHub bench, int units, int weeks, CancellationToken cancellationToken)
    {
        var store = bench.App.Services.GetRequiredService<SubmissionStore>();
        var fields = SubmitBodyFields();
        var periods = Enumerable.Range(0, weeks).Select(w => ISOWeekKey(FirstMonday.AddDays(7 * w))).ToList();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < units * weeks)
            {
                var (week, unit) = Math.DivRem(item, units);
                var at = new DateTimeOffset(FirstMonday.AddDays((7 * week) + 2).ToDateTime(new TimeOnly(2, unit % 60)), TimeSpan.Zero);
                var submission = new Submission(HubId, "weekly", periods[week], BenchmarkHub.UnitId(unit), BenchmarkHub.UnitId(unit), fields,
                    SubmissionChannel.Http, BenchmarkHub.LiaisonId(unit), at, at, Late: unit % 7 == 0, Revision: 1, Withdrawn: false);
                var revision = new SubmissionRevision(1, RevisionAction.Submitted, at, submission.SubmittedBy, SubmissionChannel.Http, []);
                if (await store.SaveAsync(submission, null, revision, null, null, cancellationToken) is null)
                {
                    throw new InvalidOperationException($"{submission.SubmitterId} {submission.PeriodKey} was stored already.");
                }
            }
        }, cancellationToken)));
        return periods;
    }

    private static Dictionary<string, string> SubmitBodyFields() => new(StringComparer.Ordinal)
    {
        ["progress"] = "完成区域游戏观察记录 12 份，组织园内教研 2 次",
        ["plan"] = "开展自主游戏案例分享，整理课程故事",
        ["sessions"] = "3",
    };

    private static async Task<(long Rows, long Bytes)> RawQueryAsync(TableClient table, List<string> periods, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var period in periods)
        {
            var partition = SubmissionStore.Partition(HubId, "weekly", period);
            await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo("s|") >= 0 && e.RowKey.CompareTo("s}") < 0, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                rows += entity.GetString("Fields")!.Length > 0 ? 1 : 0;
            }
        }

        return (rows, 0);
    }

    /// <summary>
    /// Reads the body as it arrives into one small buffer, so the client (in this process) holds none of the file.
    /// Rows are the CSV's lines less the header; a workbook's are not counted (-1: compressed).
    /// </summary>
    private static async Task<(long Rows, long Bytes)> DownloadAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        long newlines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes += read;
            newlines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return (response.Content.Headers.ContentType?.MediaType == "text/csv" ? newlines - 1 : -1, bytes);
    }

    /// <summary>Times one run and counts what it allocated.</summary>
    private static async Task<Sample> MeasureAsync(Side side, CancellationToken cancellationToken)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var (rows, bytes) = await side.Run(cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (rows >= 0 && rows != side.Rows)
        {
            throw new InvalidOperationException($"{side.Label} read {rows} rows, not {side.Rows}.");
        }

        return new Sample(seconds, bytes, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    /// <summary>
    /// The peak of live managed memory during one (untimed) run, over its level before: a full collection every
    /// ~20 ms, then the heap's size. Without the collections the heap's size mostly counts garbage not yet collected,
    /// which grows with the rows read whatever is kept.
    /// </summary>
    private static async Task<long> PeakLiveHeapRiseAsync(Side side, CancellationToken cancellationToken)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);
        await side.Run(cancellationToken);
        await stop.CancelAsync();
        await sampler;
        return peak - before;
    }

    private static string Report(Dictionary<Side, List<Sample>> samples, Dictionary<Side, long> peaks, Side baseline, int units, int weeks, int rounds)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = (long)units * weeks;
        var baselineRate = baseline.Rows * samples[baseline].Count / samples[baseline].Sum(s => s.Seconds);
        var report = new StringBuilder();
        report.AppendLine("| Side | Rows | Rows/s | Ratio to raw queries | Bytes sent | Allocated per row (bytes) | Peak live heap rise (MiB) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (side, list) in samples)
        {
            var rate = side.Rows * list.Count / list.Sum(s => s.Seconds);
            report.AppendLine(c, $"| {side.Label} | {side.Rows:N0} | {rate:N0} | {rate / baselineRate:0.00} | {(list[0].Bytes > 0 ? list[0].Bytes.ToString("N0", c) : "–")} | {list.Average(s => s.Allocated) / side.Rows:N0} | {Mib(peaks[side]):0.0} |");
        }

        report.AppendLine();
        report.AppendLine(c, $"{units} units × {weeks} weeks = {rows:N0} submissions of a weekly report (three fields) in {weeks} partitions; {rounds} measured rounds after one warm-up, " +
            $"sides alternating A B C / C B A, the quarter-range exports last in each round. " +
            $"Allocation counts the whole process (app, its client, the raw queries); peak live heap from full collections every ~20 ms during one more, untimed run of each side. .NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}.");
        return report.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ISOWeekKey(DateOnly monday) => string.Create(CultureInfo.InvariantCulture,
        $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):D2}");

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);

    private sealed record Side(string Label, long Rows, Func<CancellationToken, Task<(long Rows, long Bytes)>> Run);

    private sealed record Sample(double Seconds, long Bytes, long Allocated);
}

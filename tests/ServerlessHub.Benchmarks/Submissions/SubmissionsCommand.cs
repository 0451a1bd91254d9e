using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Benchmarks.Submissions;

/// <summary>
/// HTTP submission throughput against raw <see cref="TableClient.UpsertEntityAsync{T}"/> of equivalent entities at the
/// same concurrency on the same Azurite, in rounds that alternate A B B A so drift in machine load hits both. A third
/// side, "raw read + transaction", issues the storage calls a submit makes (a point read, then a two-entity
/// entity-group transaction) without the app, to tell storage cost from app cost.
/// </summary>
internal static class SubmissionsCommand
{
    private const double Goal = 0.6;
    private const string HttpHub = "bench-hub";
    private const string RawHub = "bench-raw";
    private const string PairHub = "bench-txn";
    private const int Units = 500;

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken cancellationToken)
    {
        var total = args.Int("submissions", 2000, 400);
        var concurrency = args.Int("concurrency", 16, 16);
        var rounds = args.Int("rounds", 4, 2);
        args.EnsureAllRead();
        var perRound = total / rounds;

        Console.WriteLine($"Starting Azurite and the app ({Units}-unit hub, triggers off)…");
        // Each round submits to one week, with the clock on that week's Monday morning: every submission is a first,
        // on-time one, as most are (a change near or after the due time also writes the period's ledger row).
        var clock = new SettableClock(DateTimeOffset.UnixEpoch);
        await using var bench = await BenchmarkHub.StartAsync(HttpHub, BenchmarkHub.Document(HttpHub, Units, ""),
            new Dictionary<string, string?> { ["LocalHost:RunTriggers"] = "false" }, services => services.AddSingleton<TimeProvider>(clock), cancellationToken);
        using var http = bench.Client();
        var table = new TableServiceClient(bench.Azurite.ConnectionString).GetTableClient(SubmissionStore.TableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        using var counter = new StorageRequestCounter(bench.Azurite.TablePort, bench.Azurite.QueuePort);

        var submit = new Side("HTTP submit (`POST …/submissions`)", (work, ct) => SubmitAsync(http, work, ct));

        // The raw sides write copies of what the app wrote, so their entities have the same properties and sizes.
        clock.Now = MondayMorning(2023, Week(round: 0));
        await RunRoundAsync(submit, Work(2023, round: 0, perRound: 1), 1, counter, measured: false, cancellationToken);
        var sample = Work(2023, round: 0, perRound: 1)[0];
        var partition = SubmissionStore.Partition(HttpHub, "weekly", sample.Period);
        var templates = new Templates(
            (await table.GetEntityAsync<TableEntity>(partition, $"s|{sample.Unit}", cancellationToken: cancellationToken)).Value,
            (await table.GetEntityAsync<TableEntity>(partition, $"r|{sample.Unit}|000001", cancellationToken: cancellationToken)).Value);
        var sides = new[]
        {
            submit,
            new("Raw `UpsertEntityAsync`", (work, ct) => UpsertAsync(table, templates, work, ct)),
            new("Raw read + 2-entity transaction", (work, ct) => ReadAndTransactAsync(table, templates, work, ct)),
        };

        // Warm-up: JIT, connection pools, Azurite's partitions; periods of a year the measured rounds do not use.
        clock.Now = MondayMorning(2024, Week(round: 0));
        foreach (var side in sides)
        {
            await RunRoundAsync(side, Work(2024, round: 0, perRound: Math.Min(perRound, 200)), concurrency, counter, measured: false, cancellationToken);
        }

        Console.WriteLine($"Measuring {total} operations per side in {rounds} rounds at concurrency {concurrency}…");
        for (var round = 0; round < rounds; round++)
        {
            clock.Now = MondayMorning(2025, Week(round));
            // A B C, C B A, … so each side runs early and late equally often.
            var order = round % 2 == 0 ? sides : sides.Reverse().ToArray();
            foreach (var side in order)
            {
                var result = await RunRoundAsync(side, Work(2025, round, perRound), concurrency, counter, measured: true, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1} {side.Label,-40} {result.Operations / result.Elapsed.TotalSeconds,7:0} ops/s  p50 {Latencies.Of(result.Latencies).P50,5:0.0} ms  storage requests/op {result.StorageRequests / (double)result.Operations:0.00}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(Report(sides, total, rounds, concurrency));
        return sides.All(s => s.Failures == 0) ? 0 : 1;
    }

    /// <summary>Monday 10:00 of <paramref name="week"/> of <paramref name="year"/> in Shanghai.</summary>
    private static DateTimeOffset MondayMorning(int year, int week) =>
        new(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday).AddHours(10), TimeSpan.FromHours(8));

    private static int Week(int round) => round + 1;

    /// <summary>One round's submissions: <paramref name="perRound"/> of the hub's units, shuffled, to the round's own week.</summary>
    private static List<Submission> Work(int year, int round, int perRound)
    {
        if (perRound > Units)
        {
            throw new ArgumentException($"At most {Units} submissions per round (one per unit); use more rounds.");
        }

        var units = Enumerable.Range(0, Units).ToArray();
        new Random(round * 7919 + year).Shuffle(units);
        var period = string.Create(CultureInfo.InvariantCulture, $"{year}-W{Week(round):D2}");
        return [.. units.Take(perRound).Select(unit => new Submission(BenchmarkHub.UnitId(unit), period))];
    }

    private static async Task<RoundResult> RunRoundAsync(Side side, List<Submission> work, int concurrency, StorageRequestCounter counter, bool measured, CancellationToken cancellationToken)
    {
        var latencies = new double[work.Count];
        var next = -1;
        var failures = 0;
        var requestsBefore = counter.Count;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Count)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await side.Operation(work[i], cancellationToken))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var result = new RoundResult(work.Count, clock.Elapsed, latencies, counter.Count - requestsBefore);
        if (failures > 0)
        {
            Console.Error.WriteLine($"  {side.Label}: {failures} of {work.Count} operations failed.");
        }

        if (measured)
        {
            side.Rounds.Add(result);
            side.Failures += failures;
        }

        return result;
    }

    private static async Task<bool> SubmitAsync(HttpClient http, Submission work, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            $"api/hubs/{HttpHub}/reports/weekly/periods/{work.Period}/submissions",
            new SubmitBody(work.Unit, SubmitBody.SampleFields, "bench"),
            BenchmarkJsonContext.Default.SubmitBody,
            cancellationToken);
        return response.StatusCode == HttpStatusCode.Created;
    }

    private static async Task<bool> UpsertAsync(TableClient table, Templates templates, Submission work, CancellationToken cancellationToken)
    {
        using var response = await table.UpsertEntityAsync(templates.Current(RawHub, work), TableUpdateMode.Replace, cancellationToken);
        return !response.IsError;
    }

    private static async Task<bool> ReadAndTransactAsync(TableClient table, Templates templates, Submission work, CancellationToken cancellationToken)
    {
        var current = templates.Current(PairHub, work);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(current.PartitionKey, current.RowKey, cancellationToken: cancellationToken);
        if (existing.HasValue)
        {
            return false;
        }

        var response = await table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, current), new(TableTransactionActionType.Add, templates.Revision(PairHub, work))], cancellationToken);
        return !response.GetRawResponse().IsError;
    }

    private static string Report(Side[] sides, int total, int rounds, int concurrency)
    {
        var c = CultureInfo.InvariantCulture;
        var baseline = sides[1].OpsPerSecond;
        var report = new StringBuilder();
        report.AppendLine("| Side | Operations | ops/s | Ratio to raw upsert | p50 (ms) | p99 (ms) | Storage requests per op |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var side in sides)
        {
            var latency = Latencies.Of(side.Rounds.SelectMany(r => r.Latencies));
            var requests = side.Rounds.Sum(r => r.StorageRequests) / (double)side.Rounds.Sum(r => r.Operations);
            report.AppendLine(c, $"| {side.Label} | {side.Rounds.Sum(r => r.Operations)} | {side.OpsPerSecond:0} | {side.OpsPerSecond / baseline:0.00} | {latency.P50:0.0} | {latency.P99:0.0} | {requests:0.00} |");
        }

        var ratio = sides[0].OpsPerSecond / baseline;
        report.AppendLine();
        report.AppendLine(c, $"HTTP submit / raw upsert: **{ratio:0.00}** (goal ≥ {Goal:0.0}{(ratio >= Goal ? ", met" : ", not met")}).");
        report.AppendLine();
        report.AppendLine(c, $"{total} operations per side at concurrency {concurrency}, {rounds} rounds alternating A B C / C B A, {Units} units × 4 weeks per round. " +
            $"Failures: {string.Join(", ", sides.Select(s => $"{s.Failures}"))}. .NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}.");
        return report.ToString();
    }

    private sealed record Submission(string Unit, string Period);

    /// <summary>A current row and a revision row as the app wrote them, to copy for other keys.</summary>
    private sealed record Templates(TableEntity CurrentRow, TableEntity RevisionRow)
    {
        public TableEntity Current(string hub, Submission work)
        {
            var now = DateTimeOffset.UtcNow;
            return new TableEntity(CurrentRow.Where(p => p.Key is not ("odata.etag" or "Timestamp")).ToDictionary())
            {
                PartitionKey = SubmissionStore.Partition(hub, "weekly", work.Period),
                RowKey = $"s|{work.Unit}",
                ["HubId"] = hub,
                ["PeriodKey"] = work.Period,
                ["SubmitterId"] = work.Unit,
                ["UnitId"] = work.Unit,
                ["FirstSubmittedAt"] = now,
                ["UpdatedAt"] = now,
            };
        }

        public TableEntity Revision(string hub, Submission work) =>
            new(RevisionRow.Where(p => p.Key is not ("odata.etag" or "Timestamp")).ToDictionary())
            {
                PartitionKey = SubmissionStore.Partition(hub, "weekly", work.Period),
                RowKey = $"r|{work.Unit}|000001",
                ["At"] = DateTimeOffset.UtcNow,
            };
    }

    private sealed record RoundResult(int Operations, TimeSpan Elapsed, double[] Latencies, long StorageRequests);

    private sealed class Side(string label, Func<Submission, CancellationToken, Task<bool>> operation)
    {
        public string Label { get; } = label;

        public Func<Submission, CancellationToken, Task<bool>> Operation { get; } = operation;

        public List<RoundResult> Rounds { get; } = [];

        public int Failures { get; set; }

        public double OpsPerSecond => Rounds.Sum(r => r.Operations) / Rounds.Sum(r => r.Elapsed.TotalSeconds);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Benchmarks.Submissions;
using ServerlessHub.Leave;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Storage.Leave;

namespace ServerlessHub.Benchmarks.PeriodStatus;

/// <summary>
/// Storage round trips and latency of <c>GET …/periods/{period}/status</c> for a 500-unit hub with 400 submissions
/// and 40 units on leave, once the hub and key caches are warm, next to a bare 200 endpoint in the same process:
/// requests alternate status, bare, status, bare… one at a time.
/// </summary>
internal static class PeriodStatusCommand
{
    private const string HubId = "bench-status";
    private const int Units = 500;
    private const int Submitted = 400;
    private const int Goal = 2;

    /// <summary>2026-W46, Monday 9 to Sunday 15 November: due Friday 13 November 17:00.</summary>
    private const string Period = "2026-W46";

    private static readonly DateOnly DueDay = new(2026, 11, 13);

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken cancellationToken)
    {
        var requests = args.Int("requests", 300, 60);
        args.EnsureAllRead();

        Console.WriteLine($"Starting Azurite and the app ({Units}-unit hub, triggers off)…");
        // Monday of the week after: the period is past due (submitters missing or late) and still takes submissions.
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var bench = await BenchmarkHub.StartAsync(HubId, BenchmarkHub.Document(HubId, Units), new Dictionary<string, string?> { ["LocalHost:RunTriggers"] = "false" },
            services => services.AddSingleton<TimeProvider>(clock), cancellationToken);
        await using var bare = await BareEndpoint.StartAsync(cancellationToken);
        using var http = bench.Client();
        var adminKey = await bench.App.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyScope.Admin, null, "bench", DateTimeOffset.UtcNow, null, cancellationToken);

        Console.WriteLine($"Submitting for {Submitted} units, adding leave…");
        await SeedAsync(bench, http, cancellationToken);
        var statusPath = $"api/hubs/{HubId}/reports/weekly/periods/{Period}/status";
        using (var first = await http.GetAsync(statusPath, cancellationToken))
        {
            var body = await first.Content.ReadAsStringAsync(cancellationToken);
            using var json = JsonDocument.Parse(body);
            Console.WriteLine($"  status {(int)first.StatusCode}, {body.Length:N0} characters, counts {json.RootElement.GetProperty("counts")}");
        }

        using var counter = new StorageRequestCounter(bench.Azurite.TablePort, bench.Azurite.QueuePort);
        var rows = new List<Row>();
        foreach (var (label, key) in new[] { ("hub key", bench.Key), ("admin key", adminKey) })
        {
            var statusLatencies = new List<double>(requests);
            var bareLatencies = new List<double>(requests);

            // Warm the key cache, the hub cache and the JIT before counting.
            for (var i = 0; i < 20; i++)
            {
                await TimeAsync(http, statusPath, key, cancellationToken);
                await TimeAsync(http, bare.Url.ToString(), null, cancellationToken);
            }

            var before = counter.Count;
            for (var i = 0; i < requests; i++)
            {
                statusLatencies.Add(await TimeAsync(http, statusPath, key, cancellationToken));
                bareLatencies.Add(await TimeAsync(http, bare.Url.ToString(), null, cancellationToken));
            }

            var storageRequests = counter.Count - before;
            rows.Add(new Row($"Period status, {label}", Latencies.Of(statusLatencies), storageRequests / (double)requests));
            rows.Add(new Row($"Bare 200 (same process), alongside the {label} run", Latencies.Of(bareLatencies), null));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}: {storageRequests} storage requests in {requests} status requests"));
        }

        Console.WriteLine();
        Console.WriteLine(Report(rows, requests));
        return rows.Where(r => r.RoundTrips is not null).All(r => r.RoundTrips <= Goal) ? 0 : 1;
    }

    private static async Task SeedAsync(BenchmarkHub bench, HttpClient http, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int unit;
            while ((unit = Interlocked.Increment(ref next)) < Submitted)
            {
                using var response = await http.PostAsJsonAsync(
                    $"api/hubs/{HubId}/reports/weekly/periods/{Period}/submissions",
                    new SubmitBody(BenchmarkHub.UnitId(unit), SubmitBody.SampleFields, "bench"), BenchmarkJsonContext.Default.SubmitBody, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"Submitting for {BenchmarkHub.UnitId(unit)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
        }, cancellationToken)));

        // 40 units on leave over the due date (half of them submitted anyway), and 40 whose leave ended a month
        // before, which the status query filters out inside the partition.
        var leave = bench.App.Services.GetRequiredService<LeaveStore>();
        for (var unit = 380; unit < 460; unit++)
        {
            var current = unit < 420;
            var first = current ? DueDay.AddDays(-3) : DueDay.AddDays(-40);
            var record = new LeaveRecord(HubId, string.Create(CultureInfo.InvariantCulture, $"bench{unit:D3}"), LeaveSubject.Unit, BenchmarkHub.UnitId(unit),
                first, first.AddDays(current ? 7 : 5), "集中培训", "bench", DateTimeOffset.UtcNow);
            await leave.AddAsync(record, null, null, cancellationToken);
        }
    }

    private static async Task<double> TimeAsync(HttpClient http, string url, string? key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK
            ? elapsed
            : throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private static string Report(List<Row> rows, int requests)
    {
        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine("| Request | Requests | Storage round trips per request | p50 (ms) | p99 (ms) | Max (ms) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            report.AppendLine(c, $"| {row.Label} | {row.Latency.Count} | {(row.RoundTrips is { } trips ? trips.ToString("0.00", c) : "–")} | {row.Latency.P50:0.00} | {row.Latency.P99:0.00} | {row.Latency.Max:0.00} |");
        }

        report.AppendLine();
        var worst = rows.Where(r => r.RoundTrips is not null).Max(r => r.RoundTrips!.Value);
        report.AppendLine(c, $"Round trips per status request: at most **{worst:0.00}** (goal ≤ {Goal}{(worst <= Goal ? ", met" : ", not met")}).");
        report.AppendLine();
        report.AppendLine(c, $"{Units} units, {Submitted} submissions, 40 units on leave over the due date and 40 with past leave; {requests} sequential status requests per key after 20 warm-up, each followed by a bare request. " +
            $".NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}.");
        return report.ToString();
    }

    private sealed record Row(string Label, Latencies Latency, double? RoundTrips);
}

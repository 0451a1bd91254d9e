using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Hubs;
using ServerlessHub.Reminders;

namespace ServerlessHub.Benchmarks.Reminders;

/// <summary>
/// Opening periods of a 500-unit, 2,000-person hub and queueing their four-step reminder ladders (what the tick does
/// each time a period opens), against a baseline of raw queue sends of the same reminder messages in the same run:
/// storage requests per scheduled reminder and wall time. Openings and baseline batches alternate, so drift in machine
/// load hits both alike.
/// </summary>
internal static class RemindersCommand
{
    private const string HubId = "bench-reminders";
    private const int Units = 500;
    private const int LiaisonsPerUnit = 4;
    private const double OperationsGoal = 1.5;
    private const double TimeGoal = 2;

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken cancellationToken)
    {
        var periods = args.Int("periods", 200, 30);
        args.EnsureAllRead();

        Console.WriteLine($"Starting Azurite and the app ({Units} units, {Units * LiaisonsPerUnit} liaisons, triggers off so nothing else touches storage)…");
        await using var bench = await BenchmarkHub.StartAsync(HubId, Document(), new Dictionary<string, string?> { ["LocalHost:RunTriggers"] = "false" }, cancellationToken);
        var services = bench.App.Services;
        var hub = await services.GetRequiredService<HubCatalog>().GetAsync(HubId, cancellationToken) ?? throw new InvalidOperationException("The hub did not load.");
        var weekly = hub.FindReport("weekly")!;
        var timeline = hub.Timeline(weekly);
        var opening = services.GetRequiredService<PeriodOpening>();
        var raw = new QueueClient(bench.Azurite.ConnectionString, "baseline-reminders", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await raw.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        // 2026-W01 onwards: every opening is a period never opened before, as in production.
        var period = timeline.FromKey("2026-W01")!;
        await opening.OpenAsync(hub, weekly, period, cancellationToken);
        await SendRawAsync(raw, hub, weekly, period, cancellationToken);

        using var counter = new StorageRequestCounter(bench.Azurite.TablePort, bench.Azurite.QueuePort);
        long openingRequests = 0, rawRequests = 0;
        var openingTime = new List<double>(periods);
        var rawTime = new List<double>(periods);
        for (var i = 0; i < periods; i++)
        {
            period = timeline.Next(period)!;
            var before = counter.Count;
            var started = Stopwatch.GetTimestamp();
            await opening.OpenAsync(hub, weekly, period, cancellationToken);
            openingTime.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            openingRequests += counter.Count - before;

            before = counter.Count;
            started = Stopwatch.GetTimestamp();
            await SendRawAsync(raw, hub, weekly, period, cancellationToken);
            rawTime.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            rawRequests += counter.Count - before;
        }

        var reminders = periods * weekly.Reminders.Count;
        var perReminder = openingRequests / (double)reminders;
        var ratio = openingTime.Sum() / rawTime.Sum();
        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine("| what | periods | reminders queued | storage requests | per reminder | total ms | median ms per period |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(c, $"| open period + queue its ladder | {periods} | {reminders} | {openingRequests} | **{perReminder:0.00}** | {openingTime.Sum():0} | {Median(openingTime):0.0} |");
        report.AppendLine(c, $"| baseline: raw queue sends of the same messages | {periods} | {reminders} | {rawRequests} | {rawRequests / (double)reminders:0.00} | {rawTime.Sum():0} | {Median(rawTime):0.0} |");
        report.AppendLine();
        report.AppendLine(c, $"Storage requests per scheduled reminder: **{perReminder:0.00}** (goal ≤ {OperationsGoal}: {(perReminder <= OperationsGoal ? "met" : "not met")}); " +
            $"time ratio to the raw sends: **{ratio:0.00}** (goal ≤ {TimeGoal}: {(ratio <= TimeGoal ? "met" : "not met")}).");
        report.AppendLine(c, $".NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}; {Units} units, {Units * LiaisonsPerUnit} liaisons, a {weekly.Reminders.Count}-step ladder.");
        Console.WriteLine();
        Console.WriteLine(report);
        return 0;
    }

    private static async Task SendRawAsync(QueueClient queue, Hub hub, ReportKind kind, Periods.Period period, CancellationToken cancellationToken)
    {
        foreach (var step in ReminderLadder.Schedule(hub, kind, period))
        {
            var message = JsonSerializer.Serialize(new ReminderDue(hub.Id, kind.Id, period.Key, step.Index, ReminderDue.Describe(step.Step), step.SendAt), ReminderJsonContext.Default.ReminderDue);
            await queue.SendMessageAsync(message, TimeSpan.FromDays(6), cancellationToken: cancellationToken);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Document()
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"id: {HubId}");
        yaml.AppendLine("name: 提醒基准测试协作体");
        yaml.AppendLine("wecom: { corpId: wwbenchcorp, agentId: 1000001, token: \"@setting:BENCH_TOKEN\", encodingAesKey: \"@setting:BENCH_AES\", secret: \"@setting:BENCH_SECRET\" }");
        yaml.AppendLine("channels:");
        yaml.AppendLine("  - { id: members, kind: robot-webhook, webhook: \"@setting:BENCH_MEMBERS\" }");
        yaml.AppendLine("  - { id: office, kind: app-chat, chatId: benchoffice }");
        yaml.AppendLine("units:");
        for (var i = 0; i < Units; i++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ id: {BenchmarkHub.UnitId(i)}, name: 第{i + 1}成员单位 }}");
        }

        yaml.AppendLine("people:");
        for (var i = 0; i < Units; i++)
        {
            for (var j = 0; j < LiaisonsPerUnit; j++)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ userId: p{i + 1:D3}x{j}, name: 联络员{i + 1}-{j + 1}, unit: {BenchmarkHub.UnitId(i)}, roles: [liaison{(i == 0 && j == 0 ? ", coordinator" : "")}] }}");
            }
        }

        yaml.AppendLine("  - { userId: leader1, name: 分管领导, roles: [leader] }");
        yaml.AppendLine("reports:");
        yaml.AppendLine("  - id: weekly");
        yaml.AppendLine("    title: 周报");
        yaml.AppendLine("    cadence: weekly");
        yaml.AppendLine("    due: { from: start, days: 4, time: \"17:00\" }");
        yaml.AppendLine(BenchmarkHub.WeeklyFields);
        yaml.AppendLine("    reminders:");
        yaml.AppendLine("      - { at: -1d, to: submitter }");
        yaml.AppendLine("      - { at: 0, to: submitter, channel: members }");
        yaml.AppendLine("      - { at: +1wd, to: coordinator, channel: office }");
        yaml.AppendLine("      - { at: +3wd, to: leader }");
        return yaml.ToString();
    }
}

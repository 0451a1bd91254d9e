using ServerlessHub.Benchmarks.Callbacks;
using ServerlessHub.Benchmarks.ColdStart;
using ServerlessHub.Benchmarks.Delivery;
using ServerlessHub.Benchmarks.Digests;
using ServerlessHub.Benchmarks.Exports;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Benchmarks.PeriodStatus;
using ServerlessHub.Benchmarks.Reminders;
using ServerlessHub.Benchmarks.Soak;
using ServerlessHub.Benchmarks.Submissions;

if (args is ["cold-start", .. var coldStart])
{
    return await ColdStartCommand.RunAsync(coldStart);
}

Func<BenchmarkArguments, CancellationToken, Task<int>>? command = args.FirstOrDefault() switch
{
    "submissions" => SubmissionsCommand.RunAsync,
    "period-status" => PeriodStatusCommand.RunAsync,
    "callbacks" => CallbacksCommand.RunAsync,
    "delivery" => DeliveryCommand.RunAsync,
    "reminders" => RemindersCommand.RunAsync,
    "digest" => DigestCommand.RunAsync,
    "export" => ExportCommand.RunAsync,
    "soak" => SoakCommand.RunAsync,
    _ => null,
};
if (command is null)
{
    return Usage();
}

BenchmarkArguments options;
try
{
    options = BenchmarkArguments.Parse(args[1..]);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

// The simulator writes a console line per message it receives; at benchmark rates that competes for the CPU.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
try
{
    return await command(options, cancel.Token);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    return 130;
}

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/ServerlessHub.Benchmarks -- <benchmark> [options]

          cold-start      start-up of the published local host against the bare app plus the same storage check,
                          and against a bare ASP.NET Core app
            --iterations N        measured runs of each app (default 30)
            --warmup N            discarded runs of each app first (default 2)
            --cpus LIST           confine the apps to these CPUs (taskset -c; Linux)
            -p:Name=Value         an extra publish property, applied to every app (repeatable)
            -e:Name=Value         an extra environment variable for every app's process (repeatable),
                                  e.g. -e:LocalHost__RunTriggers=false for an HTTP-only local host

          submissions     HTTP submissions against raw table upserts at the same concurrency
            --submissions N (2000)  --concurrency N (16)  --rounds N (4)

          period-status   storage round trips and latency of a 500-unit hub's period status
            --requests N (300)

          callbacks       callback acknowledgement latency at a steady request rate, open loop
            --rate N (200 per second)  --seconds N (30)  --triggers off|on (off)

          delivery        app-message delivery rate through the simulator; robot rate against its limit
            --messages N (1000)  --concurrency N (16)  --robot-messages N (60)  --window-seconds N (6)
            --max-wait-ms N (Outbound:MaxWait, default scaled with the window)

          reminders       opening periods of a 500-unit, 2,000-person hub and queueing their ladders, against raw queue sends
            --periods N (200)

          digest          a 500-unit, 2,000-person hub's weekly digest (queries, statistics, render) after a term of submissions,
                          against the raw single-partition queries reading the same rows; queries and HTTP requests per digest
            --weeks N (12)  --runs N (50)

          export          CSV and XLSX export of 10,000 submissions (500 units × 20 weeks): rows/s and peak memory,
                          against the raw single-partition queries reading the same rows
            --units N (500)  --weeks N (20)  --rounds N (4)

          soak            a steady mix of submissions, WeCom callbacks and period-status reads at a share of the capacity
                          measured first: RSS, heap, collections, errors and latency every 5 s; RSS must level off
            --seconds N (120, a multiple of 10)  --capacity-seconds N (15)  --concurrency N (16)  --load PERCENT (80)
            --triggers on|off (on)

        Every benchmark but cold-start takes --quick for a short smoke run.
        """);
    return 2;
}

using Microsoft.Extensions.Options;
using ServerlessHub.Runtime.Invocation;
using ServerlessHub.Runtime.Queues;
using ServerlessHub.Runtime.Timers;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.Runtime;

/// <summary>
/// Without the Functions host, this drives every queue and timer trigger that <c>function.json</c> declares. On stop it
/// stops receiving, lets in-flight work finish within the grace period, then cancels it and releases its messages.
/// </summary>
internal sealed class StandaloneTriggers(
    FunctionCatalog catalog,
    StorageAccount storage,
    FunctionInvoker invoker,
    TimerStatusStore timerStatus,
    RunClaimStore claims,
    IOptions<RuntimeOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _running = new();
    private readonly List<QueueListener> _listeners = [];
    private readonly List<Task> _listenerLoops = [];
    private readonly List<Task> _timerLoops = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("ServerlessHub.Runtime");
        var instanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var zone = TimerZone(configuration["WEBSITE_TIME_ZONE"]);
        foreach (var function in catalog.Functions)
        {
            switch (function.Trigger)
            {
                case QueueTrigger queue:
                    var listener = new QueueListener(
                        function, storage.GetQueue(queue.QueueName), storage.GetQueue($"{queue.QueueName}-poison"),
                        catalog.Host.Queues, options.Value, invoker, time, loggers.CreateLogger($"Function.{function.Name}"));
                    _listeners.Add(listener);
                    _listenerLoops.Add(Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None));
                    break;
                case TimerTrigger timer:
                    var runner = new TimerRunner(
                        function, TimerSchedule.Parse(timer.Schedule, zone), timerStatus, claims, invoker, time, instanceId,
                        loggers.CreateLogger($"Function.{function.Name}"));
                    _timerLoops.Add(Task.Run(() => runner.RunAsync(_stopping.Token, _running.Token), CancellationToken.None));
                    break;
            }
        }

        RuntimeLog.RuntimeStarted(logger, "standalone", catalog.Functions.Count(), catalog.ScriptRoot);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_listenerLoops).ConfigureAwait(false);
        var grace = options.Value.ShutdownGracePeriod;
        var drains = _listeners.Select(l => l.DrainAsync(grace)).ToList();
        var timerLoops = Task.WhenAll(_timerLoops);
        await Task.WhenAny(timerLoops, Task.Delay(grace, time, cancellationToken)).ConfigureAwait(false);
        await _running.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(drains).ConfigureAwait(false);
        await timerLoops.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _running.Dispose();
    }

    private static TimeZoneInfo TimerZone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
}

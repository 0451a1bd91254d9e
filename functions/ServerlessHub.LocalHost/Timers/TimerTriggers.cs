using Microsoft.Extensions.Options;
using ServerlessHub.LocalHost.Functions;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.LocalHost.Timers;

/// <summary>
/// Runs every timer function on its schedule (UTC, as on Flex Consumption). On stop it stops scheduling, lets a run
/// under way finish within the grace period, then cancels it.
/// </summary>
internal sealed class TimerTriggers(
    FunctionIndex functions,
    TimerStatusStore status,
    RunClaimStore claims,
    IServiceProvider services,
    IOptions<LocalHostOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _running = new();
    private readonly List<Task> _loops = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var instanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        foreach (var function in functions.Timers)
        {
            var runner = new TimerRunner(function, TimerSchedule.Parse(function.Schedule, TimeZoneInfo.Utc), status, claims, services, time, instanceId,
                loggers.CreateLogger($"Function.{function.Name}"));
            _loops.Add(Task.Run(() => runner.RunAsync(_stopping.Token, _running.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        var loops = Task.WhenAll(_loops);
        await Task.WhenAny(loops, Task.Delay(options.Value.ShutdownGracePeriod, time, cancellationToken)).ConfigureAwait(false);
        await _running.CancelAsync().ConfigureAwait(false);
        await loops.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _running.Dispose();
    }
}

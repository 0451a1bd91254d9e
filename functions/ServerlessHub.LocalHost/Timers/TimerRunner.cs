using ServerlessHub.Runtime.Invocation;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.Runtime.Timers;

/// <summary>
/// Drives one timer-triggered function. Each occurrence is claimed in storage before it runs, so that of several
/// instances sharing an account exactly one runs it; a run missed while no instance was up (the stored
/// <c>Next</c> lies in the past) is run once at start with <c>IsPastDue</c>, as the Functions host's schedule
/// monitor does.
/// </summary>
internal sealed class TimerRunner(
    FunctionDefinition function,
    TimerSchedule schedule,
    TimerStatusStore statusStore,
    RunClaimStore claims,
    FunctionInvoker invoker,
    TimeProvider time,
    string instanceId,
    ILogger logger)
{
    private readonly TimerTrigger _trigger = (TimerTrigger)function.Trigger;

    /// <summary>Runs occurrences until <paramref name="stopping"/> is cancelled; an occurrence under way gets <paramref name="running"/>.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken running)
    {
        TimerStatus? status;
        try
        {
            status = await ReadStatusAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (status is not null && status.Next <= now)
        {
            RuntimeLog.TimerPastDue(logger, function.Name, status.Next);
            await RunOccurrenceAsync(status.Next, status.Last, isPastDue: true, running).ConfigureAwait(false);
        }
        else if (_trigger.RunOnStartup)
        {
            await RunOccurrenceAsync(now, status?.Last, isPastDue: false, running).ConfigureAwait(false);
        }

        var last = status?.Last;
        while (!stopping.IsCancellationRequested)
        {
            var next = schedule.NextAfter(time.GetUtcNow());
            RuntimeLog.TimerScheduled(logger, function.Name, _trigger.Schedule, next);
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            await RunOccurrenceAsync(next, last, isPastDue: time.GetUtcNow() - next > TimeSpan.FromSeconds(30), running).ConfigureAwait(false);
            last = next;
        }
    }

    // Storage may come up after the app (Azurite starting beside it): keep trying rather than lose the schedule.
    private async Task<TimerStatus?> ReadStatusAsync(CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                return _trigger.UseMonitor ? await statusStore.GetAsync(function.Name, stopping).ConfigureAwait(false) : null;
            }
            catch (Exception ex) when (ex.IsStorageFailure())
            {
                RuntimeLog.TimerRunFailed(logger, ex, function.Name, time.GetUtcNow());
                await Task.Delay(TimeSpan.FromSeconds(5), time, stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task RunOccurrenceAsync(DateTimeOffset due, DateTimeOffset? last, bool isPastDue, CancellationToken running)
    {
        try
        {
            if (!await claims.TryClaimAsync($"timer-{function.Name}", due, instanceId, running).ConfigureAwait(false))
            {
                RuntimeLog.TimerRunClaimedElsewhere(logger, function.Name, due);
                return;
            }

            var next = schedule.NextAfter(due);
            var request = FunctionInvoker.TimerRequest(function, _trigger, isPastDue, last, next, time.GetUtcNow());
            // A timer has no retry (Functions semantics); a failed run is logged and the next occurrence comes as usual.
            await invoker.InvokeAsync(function.Name, request, Guid.NewGuid().ToString(), running).ConfigureAwait(false);
            if (_trigger.UseMonitor)
            {
                await statusStore.SetAsync(function.Name, new TimerStatus(due, schedule.NextAfter(time.GetUtcNow()), time.GetUtcNow()), running).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex.IsStorageFailure())
        {
            RuntimeLog.TimerRunFailed(logger, ex, function.Name, due);
        }
    }
}

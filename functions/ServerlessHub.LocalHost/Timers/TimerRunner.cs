using Microsoft.Azure.Functions.Worker;
using ServerlessHub.LocalHost.Functions;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.LocalHost.Timers;

/// <summary>
/// Drives one timer function. Each occurrence is claimed in storage before it runs, so that of several instances
/// sharing an account exactly one runs it; a run missed while no instance was up (the stored <c>Next</c> lies in the
/// past) is run once at start with <c>IsPastDue</c>, as the Functions host's schedule monitor does.
/// </summary>
internal sealed class TimerRunner(
    TimerFunction function,
    TimerSchedule schedule,
    TimerStatusStore statusStore,
    RunClaimStore claims,
    IServiceProvider services,
    TimeProvider time,
    string instanceId,
    ILogger logger)
{
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

        if (status is not null && status.Next <= time.GetUtcNow())
        {
            LocalHostLog.TimerPastDue(logger, function.Name, status.Next);
            await RunOccurrenceAsync(status.Next, status.Last, isPastDue: true, running).ConfigureAwait(false);
        }

        var last = status?.Last;
        while (!stopping.IsCancellationRequested)
        {
            var next = schedule.NextAfter(time.GetUtcNow());
            LocalHostLog.TimerScheduled(logger, function.Name, function.Schedule, next);
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
                return function.UseMonitor ? await statusStore.GetAsync(function.Name, stopping).ConfigureAwait(false) : null;
            }
            catch (Exception ex) when (IsStorageTrouble(ex))
            {
                LocalHostLog.TimerRunFailed(logger, ex, function.Name, time.GetUtcNow());
                await Task.Delay(TimeSpan.FromSeconds(5), time, stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task RunOccurrenceAsync(DateTimeOffset due, DateTimeOffset? last, bool isPastDue, CancellationToken running)
    {
        try
        {
            if (!await claims.TryClaimAsync(RunClaimStore.TimerJob(function.Name), due, instanceId, running).ConfigureAwait(false))
            {
                LocalHostLog.TimerRunClaimedElsewhere(logger, function.Name, due);
                return;
            }

            var timer = new TimerInfo
            {
                IsPastDue = isPastDue,
                ScheduleStatus = function.UseMonitor
                    ? new ScheduleStatus { Last = (last ?? DateTimeOffset.MinValue).UtcDateTime, Next = schedule.NextAfter(due).UtcDateTime, LastUpdated = time.GetUtcNow().UtcDateTime }
                    : null,
            };
            await InvokeAsync(timer, due, running).ConfigureAwait(false);
            if (function.UseMonitor)
            {
                await statusStore.SetAsync(function.Name, new TimerStatus(due, schedule.NextAfter(time.GetUtcNow()), time.GetUtcNow()), running).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (IsStorageTrouble(ex))
        {
            LocalHostLog.TimerRunFailed(logger, ex, function.Name, due);
        }
    }

    // Storage trouble worth waiting out: a request storage refused, or storage out of reach (the SDK's aggregate once
    // its own retries are spent, a refused connection, a timeout).
    private static bool IsStorageTrouble(Exception exception) =>
        exception is Azure.RequestFailedException || StorageFailures.IsUnavailable(exception);

    // A timer has no retry (Functions semantics): a failed run is logged and the next occurrence comes as usual.
    private async Task InvokeAsync(TimerInfo timer, DateTimeOffset due, CancellationToken running)
    {
        using var scope = services.CreateScope();
        var arguments = function.Method.GetParameters()
            .Select(p => p.ParameterType == typeof(TimerInfo) ? timer : p.ParameterType == typeof(CancellationToken) ? (object)running
                : throw new InvalidOperationException($"Timer function {function.Name}: parameter '{p.Name}' is neither the TimerInfo nor a CancellationToken."))
            .ToArray();
        try
        {
            await FunctionActivation.InvokeAsync(function.Method, FunctionActivation.CreateInstance(function.Method, scope.ServiceProvider), arguments).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !running.IsCancellationRequested)
        {
            LocalHostLog.TimerFunctionFailed(logger, ex, function.Name, due);
        }
    }
}

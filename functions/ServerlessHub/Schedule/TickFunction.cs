using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.Schedule;

/// <summary>
/// The app's one timer: a short UTC tick. Each hub's schedules are data in the hub's own time zone, so the tick does
/// not fire "at 9:00 Shanghai"; it hands every piece of scheduled work the window since the last completed tick and
/// lets each decide what fell due in it. The window starts at the stored watermark, so ticks missed while the app was
/// down are caught up; the watermark only advances when all work succeeded.
/// </summary>
public sealed class TickFunction(TickWatermarkStore watermarks, IEnumerable<IScheduledWork> work, TimeProvider time, ILogger<TickFunction> logger)
{
    /// <summary>The function's name, which the local host's timer claims its occurrences under.</summary>
    public const string Name = "Tick";

    /// <summary>Every minute, in UTC: Flex Consumption has no <c>WEBSITE_TIME_ZONE</c>, and hubs keep their own zones.</summary>
    public const string Schedule = "0 * * * * *";

    /// <summary>On the first tick ever there is no watermark; look back this far so a fresh install starts at once.</summary>
    internal static readonly TimeSpan FirstWindow = TimeSpan.FromMinutes(1);

    [Function(Name)]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var now = time.GetUtcNow();
        var (watermark, etag) = await watermarks.GetAsync(cancellationToken).ConfigureAwait(false);
        var window = new TickWindow(watermark ?? now - FirstWindow, now);
        if (window.To <= window.From)
        {
            return;
        }

        foreach (var item in work)
        {
            await item.RunAsync(window, cancellationToken).ConfigureAwait(false);
        }

        var advanced = await watermarks.TryAdvanceAsync(window.To, etag, cancellationToken).ConfigureAwait(false);
        ScheduleLog.TickCompleted(logger, window.From, window.To, timer.IsPastDue, advanced);
    }
}

internal static partial class ScheduleLog
{
    [LoggerMessage(1100, LogLevel.Information, "Tick covered {From:O} to {To:O} (past due: {IsPastDue}, watermark advanced: {Advanced})", EventName = "TickCompleted")]
    public static partial void TickCompleted(ILogger logger, DateTimeOffset from, DateTimeOffset to, bool isPastDue, bool advanced);
}

internal static class ScheduleServices
{
    public static IServiceCollection AddSchedule(this IServiceCollection services) => services
        .AddSingleton<TickWatermarkStore>()
        .AddSingleton<RunClaimStore>();
}

using System.Text.Json;
using ServerlessHub.Runtime.Invocation;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.Tick;

/// <summary>
/// The app's one timer: a short UTC tick. Each hub's schedules are data in the hub's own time zone, so the tick does
/// not fire "at 9:00 Shanghai"; it hands every piece of scheduled work the window since the last completed tick and
/// lets each decide what fell due in it. The window starts at the stored watermark, so ticks missed while the app was
/// down are caught up; the watermark only advances when all work succeeded.
/// </summary>
internal sealed class TickFunction(TickWatermarkStore watermarks, IEnumerable<IScheduledWork> work, TimeProvider time, ILogger<TickFunction> logger) : IFunctionHandler
{
    /// <summary>On the first tick ever there is no watermark; look back this far so a fresh install starts at once.</summary>
    internal static readonly TimeSpan FirstWindow = TimeSpan.FromMinutes(1);

    public async Task<JsonElement?> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var timer = TimerInput.From(invocation);
        var now = time.GetUtcNow();
        var (watermark, etag) = await watermarks.GetAsync(cancellationToken).ConfigureAwait(false);
        var window = new TickWindow(watermark ?? now - FirstWindow, now);
        if (window.To <= window.From)
        {
            return null;
        }

        foreach (var item in work)
        {
            await item.RunAsync(window, cancellationToken).ConfigureAwait(false);
        }

        var advanced = await watermarks.TryAdvanceAsync(window.To, etag, cancellationToken).ConfigureAwait(false);
        TickLog.TickCompleted(logger, window.From, window.To, timer.IsPastDue, advanced);
        invocation.Log($"tick {window.From:O} → {window.To:O}{(timer.IsPastDue ? " (past due)" : "")}");
        return JsonSerializer.SerializeToElement(window, TickJsonContext.Default.TickWindow);
    }
}

internal static partial class TickLog
{
    [LoggerMessage(1100, LogLevel.Information, "Tick covered {From:O} to {To:O} (past due: {IsPastDue}, watermark advanced: {Advanced})", EventName = "TickCompleted")]
    public static partial void TickCompleted(ILogger logger, DateTimeOffset from, DateTimeOffset to, bool isPastDue, bool advanced);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(TickWindow))]
internal sealed partial class TickJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

namespace ServerlessHub.LocalHost;

/// <summary>Log messages of the local host (event ids 1000–1099).</summary>
internal static partial class LocalHostLog
{
    [LoggerMessage(1020, LogLevel.Debug, "Timer {Function} scheduled '{Schedule}', next run {Next:O}", EventName = "TimerScheduled")]
    public static partial void TimerScheduled(ILogger logger, string function, string schedule, DateTimeOffset next);

    [LoggerMessage(1021, LogLevel.Information, "Timer {Function} missed its run at {Due:O}; running it now as past due", EventName = "TimerPastDue")]
    public static partial void TimerPastDue(ILogger logger, string function, DateTimeOffset due);

    [LoggerMessage(1022, LogLevel.Debug, "Timer {Function} run at {Due:O} was claimed by another instance", EventName = "TimerRunClaimedElsewhere")]
    public static partial void TimerRunClaimedElsewhere(ILogger logger, string function, DateTimeOffset due);

    [LoggerMessage(1023, LogLevel.Error, "Timer {Function} run at {Due:O} could not be started", EventName = "TimerRunFailed")]
    public static partial void TimerRunFailed(ILogger logger, Exception exception, string function, DateTimeOffset due);

    [LoggerMessage(1024, LogLevel.Error, "Timer {Function} run at {Due:O} failed", EventName = "TimerFunctionFailed")]
    public static partial void TimerFunctionFailed(ILogger logger, Exception exception, string function, DateTimeOffset due);

    [LoggerMessage(1030, LogLevel.Information, "ServerlessHub local host: {Http} HTTP, {Queue} queue and {Timer} timer functions from {Folder}", EventName = "LocalHostStarted")]
    public static partial void Started(ILogger logger, int http, int queue, int timer, string folder);

    [LoggerMessage(1031, LogLevel.Warning, "Queue {Queue} could not be created at start; its listener waits for it", EventName = "QueueNotCreated")]
    public static partial void QueueNotCreated(ILogger logger, Exception exception, string queue);
}

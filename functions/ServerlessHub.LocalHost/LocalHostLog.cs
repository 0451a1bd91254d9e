namespace ServerlessHub.Runtime;

/// <summary>Log messages of the runtime (event ids 1000–1099).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1000, LogLevel.Debug, "Function {Function} succeeded (invocation {InvocationId}, {ElapsedMs:F1} ms)", EventName = "FunctionSucceeded")]
    public static partial void FunctionSucceeded(ILogger logger, string function, string invocationId, double elapsedMs);

    [LoggerMessage(1001, LogLevel.Warning, "Function {Function} failed (invocation {InvocationId})", EventName = "FunctionFailed")]
    public static partial void FunctionFailed(ILogger logger, Exception exception, string function, string invocationId);

    [LoggerMessage(1010, LogLevel.Information, "Listening to queue {Queue} for {Function} (batch {BatchSize}, max dequeue {MaxDequeueCount})", EventName = "QueueListenerStarted")]
    public static partial void QueueListenerStarted(ILogger logger, string queue, string function, int batchSize, int maxDequeueCount);

    [LoggerMessage(1011, LogLevel.Warning, "Message {MessageId} of queue {Queue} moved to {PoisonQueue} after {DequeueCount} attempts", EventName = "MessagePoisoned")]
    public static partial void MessagePoisoned(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount);

    [LoggerMessage(1012, LogLevel.Information, "Released {Count} in-flight message(s) of queue {Queue} at shutdown", EventName = "MessagesReleased")]
    public static partial void MessagesReleased(ILogger logger, int count, string queue);

    [LoggerMessage(1013, LogLevel.Error, "Polling queue {Queue} failed; retrying", EventName = "QueuePollFailed")]
    public static partial void QueuePollFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(1014, LogLevel.Warning, "Message {MessageId} of queue {Queue} could not be settled; it reappears when its lease ends", EventName = "MessageSettleFailed")]
    public static partial void MessageSettleFailed(ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(1020, LogLevel.Information, "Timer {Function} scheduled '{Schedule}', next run {Next:O}", EventName = "TimerScheduled")]
    public static partial void TimerScheduled(ILogger logger, string function, string schedule, DateTimeOffset next);

    [LoggerMessage(1021, LogLevel.Information, "Timer {Function} missed its run at {Due:O}; running it now as past due", EventName = "TimerPastDue")]
    public static partial void TimerPastDue(ILogger logger, string function, DateTimeOffset due);

    [LoggerMessage(1022, LogLevel.Debug, "Timer {Function} run at {Due:O} was claimed by another instance", EventName = "TimerRunClaimedElsewhere")]
    public static partial void TimerRunClaimedElsewhere(ILogger logger, string function, DateTimeOffset due);

    [LoggerMessage(1023, LogLevel.Error, "Timer {Function} run at {Due:O} could not be started", EventName = "TimerRunFailed")]
    public static partial void TimerRunFailed(ILogger logger, Exception exception, string function, DateTimeOffset due);

    [LoggerMessage(1030, LogLevel.Information, "ServerlessHub is running {Mode} with {Count} functions from {ScriptRoot}", EventName = "RuntimeStarted")]
    public static partial void RuntimeStarted(ILogger logger, string mode, int count, string scriptRoot);
}

namespace ServerlessHub.Poison;

/// <summary>Log messages of poison messages (event ids 2000–2019): identifiers and counts, never bodies.</summary>
internal static partial class PoisonLog
{
    [LoggerMessage(2000, LogLevel.Error, "Queue {Queue}: message {MessageId} failed its last attempt ({Attempts}) with {ExceptionType}; the error is recorded and the message goes to poison", EventName = "PoisonErrorRecorded")]
    public static partial void ErrorRecorded(ILogger logger, string queue, string messageId, long attempts, string exceptionType);

    [LoggerMessage(2001, LogLevel.Error, "Queue {Queue}: message {MessageId} failed its last attempt and goes to poison, but its error could not be recorded", EventName = "PoisonErrorNotRecorded")]
    public static partial void ErrorNotRecorded(ILogger logger, Exception exception, string queue, string messageId);

    [LoggerMessage(2002, LogLevel.Information, "Queue {Queue}: {Replayed} poison message(s) replayed, {NotFound} asked for but not found, by {By}", EventName = "PoisonReplayed")]
    public static partial void Replayed(ILogger logger, string queue, int replayed, int notFound, string? by);

    [LoggerMessage(2003, LogLevel.Warning, "Queue {Queue}: poison message {MessageId} was replayed but could not be deleted (held too long); another replay may send it again", EventName = "PoisonHoldExpired")]
    public static partial void HoldExpired(ILogger logger, string queue, string messageId);
}

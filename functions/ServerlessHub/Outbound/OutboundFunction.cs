using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessHub.Hubs;
using ServerlessHub.Poison;
using ServerlessHub.Storage.Outbound;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

/// <summary>
/// The <c>outbound</c> queue function: delivers one <see cref="SendMessage"/> through the WeCom surface its destination
/// names, split into parts that fit, each part recorded in the outbox. What can never succeed (malformed message,
/// unknown hub, a destination the hub cannot resolve, a permanent WeCom error) is recorded, copied to the poison queue
/// with the error, and completed; rate limits put the message back on the queue for later; transient WeCom failures
/// put it back with a doubling delay, until <see cref="OutboundOptions.MaxAttempts"/>, then it is poisoned.
/// </summary>
public sealed class OutboundFunction(
    HubCatalog hubs,
    DestinationResolver resolver,
    MessageDelivery delivery,
    OutboxStore outbox,
    OutboundQueues queues,
    QueueAttempts attempts,
    IOptions<OutboundOptions> settings,
    TimeProvider time,
    ILogger<OutboundFunction> logger)
{
    /// <summary>The outbox partition of messages that name no readable hub.</summary>
    internal const string MalformedHubId = "_malformed";

    private const string Truncation = "\n\n……（内容过长，其余部分未能发送）";

    /// <param name="text">The queued <see cref="SendMessage"/> as JSON.</param>
    /// <param name="id">The queue message id.</param>
    /// <param name="dequeueCount">This attempt's number, from 1; the last is host.json's <c>maxDequeueCount</c>.</param>
    /// <param name="insertionTime">When the message was first queued: its outbox date, across retries.</param>
    [Function("Outbound")]
    public Task RunAsync([QueueTrigger(OutboundQueues.QueueName)] string text, string id, long dequeueCount, DateTimeOffset insertionTime, CancellationToken cancellationToken) =>
        attempts.RunAsync(OutboundQueues.QueueName, id, text, dequeueCount, () => HandleAsync(text, id, dequeueCount, insertionTime, cancellationToken));

    private async Task HandleAsync(string text, string id, long dequeueCount, DateTimeOffset insertionTime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (OutboundMessages.Parse(text, out var problem) is not { } message)
        {
            await GiveUpAsync(text, new OutboxEntry(MalformedHubId, DateOnly.FromDateTime(now.UtcDateTime), id, "（无法解析）", OutboxStatus.Failed, null, problem, 1, now, now, [], [], null), "malformed", cancellationToken).ConfigureAwait(false);
            OutboundLog.Malformed(logger, id);
            return;
        }

        if (await hubs.GetAsync(message.HubId, cancellationToken).ConfigureAwait(false) is not { } hub)
        {
            var entry = new OutboxEntry(message.HubId, message.OutboxDate ?? DateOnly.FromDateTime(now.UtcDateTime), message.DeliveryId, message.To.Kind.ToString(), OutboxStatus.Failed, null, $"没有中枢 {message.HubId}", 1, now, now, [], [], null);
            await GiveUpAsync(text, entry, "unknown-hub", cancellationToken).ConfigureAwait(false);
            OutboundLog.UnknownHub(logger, message.HubId, message.DeliveryId);
            return;
        }

        // The date of the first attempt: the queue keeps the insertion time across retries, and a message put back to
        // wait for a rate limit carries its date.
        var date = message.OutboxDate ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(insertionTime, hub.TimeZone).DateTime);
        var resolution = resolver.Resolve(hub, message.To);
        if (resolution.Target is not { } target)
        {
            var entry = new OutboxEntry(hub.Id, date, message.DeliveryId, message.To.Kind.ToString(), OutboxStatus.Failed, null, resolution.Problem, 1, now, now, [], [], null);
            await GiveUpAsync(text, entry, "unresolved", cancellationToken).ConfigureAwait(false);
            OutboundLog.Unresolved(logger, hub.Id, message.DeliveryId, message.To.Kind);
            return;
        }

        var (parts, note) = Split(message, target);
        var outcome = await delivery.DeliverAsync(hub.Id, date, message, target, parts, note, redelivered: dequeueCount > 1, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case DeliveryOutcome.Delivered delivered:
                OutboundLog.Delivered(logger, hub.Id, message.DeliveryId, delivered.Parts, dequeueCount);
                return;
            case DeliveryOutcome.Deferred deferred:
                await queues.DelayAsync(message with { OutboxDate = date }, deferred.Delay, cancellationToken).ConfigureAwait(false);
                OutboundLog.Deferred(logger, hub.Id, message.DeliveryId, deferred.Delay.TotalSeconds, deferred.Reason);
                return;
            case DeliveryOutcome.Refused refused:
                await PoisonAsync(text, refused.Entry, "refused", cancellationToken).ConfigureAwait(false);
                OutboundLog.Refused(logger, hub.Id, refused.Entry.DeliveryId, refused.Entry.ErrorCode);
                return;
            case DeliveryOutcome.Interrupted interrupted when interrupted.Entry.Attempts >= settings.Value.MaxAttempts:
                await GiveUpAsync(text, interrupted.Entry with { Status = OutboxStatus.Failed }, "retries-exhausted", cancellationToken).ConfigureAwait(false);
                OutboundLog.RetriesExhausted(logger, hub.Id, interrupted.Entry.DeliveryId, interrupted.Entry.ErrorCode, interrupted.Entry.Attempts);
                return;
            case DeliveryOutcome.Interrupted interrupted:
                // Back off on the queue rather than throwing: the runtime would retry after its fixed visibility
                // timeout, and every throw would count towards the poison limit as a fault of ours.
                var delay = settings.Value.RetryDelayAfter(interrupted.Entry.Attempts) * (0.8 + (Random.Shared.NextDouble() * 0.4));
                await queues.DelayAsync(message with { OutboxDate = date }, delay, cancellationToken).ConfigureAwait(false);
                OutboundLog.RetryLater(logger, hub.Id, interrupted.Entry.DeliveryId, interrupted.Entry.ErrorCode, interrupted.Entry.Attempts, delay.TotalSeconds);
                return;
            default:
                throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>The parts to send. A bot reply cannot be split (its response_url takes one call), so it is cut instead.</summary>
    internal static (IReadOnlyList<string> Parts, string? Note) Split(SendMessage message, DeliveryTarget target)
    {
        var limit = target.MaxBytes(message.Format);
        var format = target is BotResponseTarget ? WeComContentFormat.Markdown : message.Format.ToWeCom();
        var parts = WeComMessageParts.Split(message.Content, format, limit);
        if (target is not BotResponseTarget || parts.Count == 1)
        {
            return (parts, null);
        }

        var first = WeComMessageParts.Split(message.Content, format, limit - Encoding.UTF8.GetByteCount(Truncation))[0];
        var body = first[(first.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        return ([body + Truncation], $"内容超过 {limit} 字节，已截断");
    }

    private async Task GiveUpAsync(string text, OutboxEntry entry, string reason, CancellationToken cancellationToken)
    {
        await outbox.SaveAsync(entry, cancellationToken).ConfigureAwait(false);
        await PoisonAsync(text, entry, reason, cancellationToken).ConfigureAwait(false);
    }

    private Task PoisonAsync(string text, OutboxEntry entry, string reason, CancellationToken cancellationToken) =>
        queues.PoisonAsync(text, new DeliveryFailure(reason, entry.DeliveryId, entry.ErrorCode, entry.ErrorMessage, time.GetUtcNow()), cancellationToken);
}

internal static partial class OutboundLog
{
    [LoggerMessage(1500, LogLevel.Information, "Hub {HubId}: delivered {DeliveryId} in {Parts} part(s) (attempt {Attempt})", EventName = "OutboundDelivered")]
    public static partial void Delivered(ILogger logger, string hubId, string deliveryId, int parts, long attempt);

    [LoggerMessage(1501, LogLevel.Information, "Hub {HubId}: {DeliveryId} waits {Seconds:0.#} s for a rate limit ({Reason})", EventName = "OutboundDeferred")]
    public static partial void Deferred(ILogger logger, string hubId, string deliveryId, double seconds, string reason);

    [LoggerMessage(1502, LogLevel.Error, "Hub {HubId}: WeCom refused {DeliveryId} with errcode {ErrCode}; moved to the poison queue", EventName = "OutboundRefused")]
    public static partial void Refused(ILogger logger, string hubId, string deliveryId, int? errCode);

    [LoggerMessage(1503, LogLevel.Error, "Hub {HubId}: {DeliveryId} still failing (errcode {ErrCode}) after {Attempts} attempts; moved to the poison queue", EventName = "OutboundRetriesExhausted")]
    public static partial void RetriesExhausted(ILogger logger, string hubId, string deliveryId, int? errCode, int attempts);

    [LoggerMessage(1507, LogLevel.Warning, "Hub {HubId}: {DeliveryId} failed (errcode {ErrCode}, attempt {Attempts}); retrying in {Seconds:0.#} s", EventName = "OutboundRetryLater")]
    public static partial void RetryLater(ILogger logger, string hubId, string deliveryId, int? errCode, int attempts, double seconds);

    [LoggerMessage(1504, LogLevel.Error, "Outbound message {MessageId} is not a valid SendMessage; moved to the poison queue", EventName = "OutboundMalformed")]
    public static partial void Malformed(ILogger logger, string messageId);

    [LoggerMessage(1505, LogLevel.Error, "Outbound message {DeliveryId} names unknown hub {HubId}; moved to the poison queue", EventName = "OutboundUnknownHub")]
    public static partial void UnknownHub(ILogger logger, string hubId, string deliveryId);

    [LoggerMessage(1506, LogLevel.Error, "Hub {HubId}: the {Kind} destination of {DeliveryId} cannot be resolved; moved to the poison queue", EventName = "OutboundUnresolved")]
    public static partial void Unresolved(ILogger logger, string hubId, string deliveryId, DestinationKind kind);
}

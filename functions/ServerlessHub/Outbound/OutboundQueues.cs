using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ServerlessHub.Storage;

namespace ServerlessHub.Outbound;

/// <summary>Why a message was given up, added as <c>error</c> to its copy in the poison queue.</summary>
/// <param name="Reason">malformed | unknown-hub | unresolved | refused | retries-exhausted.</param>
/// <param name="DeliveryId">The part (or message) that failed, when known.</param>
/// <param name="ErrCode">WeCom's errcode, when WeCom gave one.</param>
/// <param name="ErrMsg">WeCom's errmsg, or what was wrong.</param>
/// <param name="At">When it was given up.</param>
public sealed record DeliveryFailure(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("deliveryId")] string? DeliveryId,
    [property: JsonPropertyName("errcode")] int? ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>Puts messages on the outbound queue (now or later), or on its poison queue with the error.</summary>
public sealed class OutboundQueues(StorageAccount storage)
{
    public const string QueueName = "outbound";

    // Chinese text stays as UTF-8 rather than \uXXXX escapes, which would triple its size against the 64 KiB message limit.
    private static readonly JsonSerializerOptions Unescaped = new(OutboundJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = OutboundJsonContext.Default,
    };

    /// <summary>Where the queue trigger moves a message after its last failed attempt, and where this class puts what it gives up.</summary>
    public const string PoisonQueueName = QueueName + "-poison";

    /// <summary>Queues a message for delivery now. A 2xx answer of the caller may rely on it: it is stored when this returns.</summary>
    public Task EnqueueAsync(SendMessage message, CancellationToken cancellationToken) => DelayAsync(message, TimeSpan.Zero, cancellationToken);

    /// <summary>Enqueues <paramref name="message"/> again, invisible for <paramref name="delay"/> (Azure allows up to 7 days).</summary>
    public async Task DelayAsync(SendMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(message, (JsonTypeInfo<SendMessage>)Unescaped.GetTypeInfo(typeof(SendMessage)));
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(delay.TotalSeconds), 1, TimeSpan.FromDays(7).TotalSeconds - 1));
        await storage.GetQueue(QueueName).SendCreatingAsync(text, visibility, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the message to the poison queue itself, with an <c>error</c> member, so whoever inspects the poison queue
    /// sees why; the caller then completes the invocation normally (the runtime's own poisoning would keep the body only).
    /// </summary>
    public async Task PoisonAsync(string messageText, DeliveryFailure failure, CancellationToken cancellationToken)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(messageText) as JsonObject ?? new JsonObject { ["message"] = messageText };
        }
        catch (JsonException)
        {
            body = new JsonObject { ["message"] = messageText };
        }

        body["error"] = JsonSerializer.SerializeToNode(failure, OutboundQueueJsonContext.Default.DeliveryFailure);
        var poison = storage.GetQueue(PoisonQueueName);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(body.ToJsonString(Unescaped), cancellationToken).ConfigureAwait(false);
    }
}

[JsonSerializable(typeof(DeliveryFailure))]
internal sealed partial class OutboundQueueJsonContext : JsonSerializerContext;

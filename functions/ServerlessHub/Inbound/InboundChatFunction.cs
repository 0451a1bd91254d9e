using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Hubs;
using ServerlessHub.Poison;
using ServerlessHub.Storage.Inbound;
using ServerlessHub.WeCom.Callbacks;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.Inbound;

/// <summary>
/// The <c>inbound</c> queue function: parses a queued WeCom callback, lets exactly one delivery of each WeCom message
/// have an effect (WeCom redelivers), and hands it to the chat processor. Input that can never be handled (unknown hub,
/// unparseable payload) is logged and acknowledged rather than retried five times.
/// </summary>
public sealed class InboundChatFunction(HubCatalog hubs, InboundReceiptStore receipts, ChatProcessor chat, QueueAttempts attempts, TimeProvider time, ILogger<InboundChatFunction> logger)
{
    /// <summary>The queue the callback functions put verified, decrypted messages on.</summary>
    public const string QueueName = "inbound";

    /// <param name="message">The queued <see cref="InboundMessage"/> as JSON.</param>
    /// <param name="id">The queue message id, which claims the WeCom message while it is handled.</param>
    /// <param name="dequeueCount">This attempt's number, from 1: the last one records its error for the poison list.</param>
    [Function("InboundChat")]
    public Task RunAsync([QueueTrigger(QueueName)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        attempts.RunAsync(QueueName, id, message, dequeueCount, () => HandleAsync(message, id, cancellationToken));

    private async Task HandleAsync(string message, string id, CancellationToken cancellationToken)
    {
        InboundMessage? inbound;
        try
        {
            inbound = JsonSerializer.Deserialize(message, InboundJsonContext.Default.InboundMessage);
        }
        catch (JsonException)
        {
            inbound = null;
        }

        if (inbound is null)
        {
            InboundChatLog.Unreadable(logger, id);
            return;
        }

        var hub = await hubs.GetAsync(inbound.HubId, cancellationToken).ConfigureAwait(false);
        var chatMessage = hub is null ? null : Parse(inbound);
        if (hub is null || chatMessage is null)
        {
            InboundChatLog.Unhandled(logger, inbound.HubId, inbound.Channel, hub is null ? "unknown hub" : "unparseable payload");
            return;
        }

        var now = time.GetUtcNow();
        switch (await receipts.TryClaimAsync(hub.Id, chatMessage.DedupeKey, id, now, cancellationToken).ConfigureAwait(false))
        {
            case InboundClaim.AlreadyDone:
                InboundChatLog.Duplicate(logger, hub.Id, chatMessage.DedupeKey);
                return;
            case InboundClaim.InProgressElsewhere:
                // Another copy of this WeCom message is being handled; retry after the visibility timeout and find it done.
                throw new InvalidOperationException($"Message {chatMessage.DedupeKey} of hub {hub.Id} is being handled by another delivery.");
        }

        await chat.HandleAsync(hub, chatMessage, cancellationToken).ConfigureAwait(false);
        await receipts.CompleteAsync(hub.Id, chatMessage.DedupeKey, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        InboundChatLog.Handled(logger, hub.Id, inbound.Channel, chatMessage.DedupeKey);
    }

    private static InboundChatMessage? Parse(InboundMessage message)
    {
        if (message.Channel == ChatChannel.App)
        {
            var app = AppMessage.Parse(message.Payload);
            return app.Status == CallbackParseStatus.Ok ? app.Value!.ToInboundChatMessage() : null;
        }

        var bot = BotMessage.Parse(message.Payload);
        return bot.Status == CallbackParseStatus.Ok ? bot.Value!.ToInboundChatMessage(message.ReceivedAt) : null;
    }
}

internal static partial class InboundChatLog
{
    [LoggerMessage(1310, LogLevel.Information, "Inbound message {DedupeKey} of hub {HubId} ({Channel}) handled", EventName = "InboundHandled")]
    public static partial void Handled(ILogger logger, string hubId, ChatChannel channel, string dedupeKey);

    [LoggerMessage(1311, LogLevel.Information, "Inbound message {DedupeKey} of hub {HubId} was handled already; redelivery ignored", EventName = "InboundDuplicate")]
    public static partial void Duplicate(ILogger logger, string hubId, string dedupeKey);

    [LoggerMessage(1312, LogLevel.Warning, "Inbound queue message {QueueMessageId} is not an inbound message; dropped", EventName = "InboundUnreadable")]
    public static partial void Unreadable(ILogger logger, string queueMessageId);

    [LoggerMessage(1313, LogLevel.Warning, "Inbound message for hub {HubId} ({Channel}) not handled: {Reason}", EventName = "InboundUnhandled")]
    public static partial void Unhandled(ILogger logger, string hubId, ChatChannel channel, string reason);
}

using System.Text.Json;
using ServerlessHub.Hubs;
using ServerlessHub.Inbound;
using ServerlessHub.Runtime.Invocation;
using ServerlessHub.Storage.Inbound;
using ServerlessHub.WeCom.Callbacks;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.InboundChat;

/// <summary>
/// The <c>inbound</c> queue function: parses a queued WeCom callback, lets exactly one delivery of each WeCom message
/// have an effect (WeCom redelivers), and hands it to the chat processor. Input that can never be handled (unknown hub,
/// unparseable payload) is logged and acknowledged rather than retried five times.
/// </summary>
internal sealed class InboundChatFunction(HubCatalog hubs, InboundReceiptStore receipts, ChatProcessor chat, TimeProvider time, ILogger<InboundChatFunction> logger) : IFunctionHandler
{
    public async Task<JsonElement?> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var queued = QueueMessageInput.From(invocation);
        InboundMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(queued.Text, InboundJsonContext.Default.InboundMessage);
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null)
        {
            InboundChatLog.Unreadable(logger, queued.Id ?? "");
            return null;
        }

        var hub = await hubs.GetAsync(message.HubId, cancellationToken).ConfigureAwait(false);
        var chatMessage = hub is null ? null : Parse(message);
        if (hub is null || chatMessage is null)
        {
            InboundChatLog.Unhandled(logger, message.HubId, message.Channel, hub is null ? "unknown hub" : "unparseable payload");
            return null;
        }

        var now = time.GetUtcNow();
        switch (await receipts.TryClaimAsync(hub.Id, chatMessage.DedupeKey, queued.Id ?? Guid.NewGuid().ToString(), now, cancellationToken).ConfigureAwait(false))
        {
            case InboundClaim.AlreadyDone:
                InboundChatLog.Duplicate(logger, hub.Id, chatMessage.DedupeKey);
                return null;
            case InboundClaim.InProgressElsewhere:
                // Another copy of this WeCom message is being handled; retry after the visibility timeout and find it done.
                throw new InvalidOperationException($"Message {chatMessage.DedupeKey} of hub {hub.Id} is being handled by another delivery.");
        }

        await chat.HandleAsync(hub, chatMessage, cancellationToken).ConfigureAwait(false);
        await receipts.CompleteAsync(hub.Id, chatMessage.DedupeKey, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        InboundChatLog.Handled(logger, hub.Id, message.Channel, chatMessage.DedupeKey);
        return null;
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

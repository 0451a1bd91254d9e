using System.Text.Json;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.WeCom.Messages;

/// <summary>
/// A decrypted AI-bot (智能机器人) callback (document path 100719): a text, mixed, image, stream-refresh or
/// event message. Unknown types keep their common fields and <see cref="MsgType"/>.
/// </summary>
/// <param name="MsgId">The message id; unique per callback, the dedupe key.</param>
/// <param name="AiBotId">The bot's id.</param>
/// <param name="ChatId">The group chat id; null in one-to-one chats.</param>
/// <param name="ChatType">One-to-one or group; null when WeCom does not say or says something unknown.</param>
/// <param name="FromUserId">The sender's userid.</param>
/// <param name="ResponseUrl">A one-off URL for replying after the passive-reply window, when given.</param>
/// <param name="CreateTime">When WeCom created the message, when it says (events do).</param>
/// <param name="MsgType">The message type: <c>text</c>, <c>mixed</c>, <c>image</c>, <c>stream</c>, <c>event</c>, …</param>
/// <param name="Text">For <c>text</c>, the content; for <c>mixed</c>, the text parts joined by newlines; otherwise null.</param>
/// <param name="StreamId">For <c>stream</c>, the id of the stream being refreshed.</param>
/// <param name="EventType">For <c>event</c>, the event type (<c>enter_chat</c>, …).</param>
public sealed record BotMessage(
    string MsgId,
    string? AiBotId,
    string? ChatId,
    BotChatType? ChatType,
    string FromUserId,
    string? ResponseUrl,
    DateTimeOffset? CreateTime,
    string MsgType,
    string? Text,
    string? StreamId,
    string? EventType)
{
    internal const int MaxJsonDepth = 16;

    /// <summary>Identifies this message across redeliveries.</summary>
    public string DedupeKey => $"bot:{MsgId}";

    /// <summary>Parses the decrypted JSON of an AI-bot callback. Never throws on hostile input.</summary>
    /// <param name="json">The message from <see cref="WeComCallbackCrypto.Decrypt"/>.</param>
    public static CallbackParseResult<BotMessage> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length == 0)
        {
            return CallbackParseResult<BotMessage>.Failure(CallbackParseStatus.Empty);
        }

        if (json.Length > CallbackEnvelope.MaxBodyBytes)
        {
            return CallbackParseResult<BotMessage>.Failure(CallbackParseStatus.TooLarge);
        }

        BotMessageWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(json, BotMessageJsonContext.Default.BotMessageWire);
        }
        catch (JsonException)
        {
            return CallbackParseResult<BotMessage>.Failure(CallbackParseStatus.Malformed);
        }

        if (wire is null)
        {
            return CallbackParseResult<BotMessage>.Failure(CallbackParseStatus.Malformed);
        }

        if (string.IsNullOrEmpty(wire.MsgId) || string.IsNullOrEmpty(wire.From?.UserId) || string.IsNullOrEmpty(wire.MsgType))
        {
            return CallbackParseResult<BotMessage>.Failure(CallbackParseStatus.MissingField);
        }

        DateTimeOffset? created = null;
        if (wire.CreateTime is { } seconds)
        {
            if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return CallbackParseResult<BotMessage>.Failure(CallbackParseStatus.Malformed);
            }

            created = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return CallbackParseResult<BotMessage>.Success(new BotMessage(
            wire.MsgId,
            wire.AiBotId,
            wire.ChatId,
            wire.ChatType switch
            {
                "single" => BotChatType.OneToOne,
                "group" => BotChatType.Group,
                _ => null,
            },
            wire.From.UserId,
            wire.ResponseUrl,
            created,
            wire.MsgType,
            TextOf(wire),
            wire.MsgType == "stream" ? wire.Stream?.Id : null,
            wire.MsgType == "event" ? wire.Event?.EventType : null));
    }

    /// <summary>The channel-neutral form for the inbound processor.</summary>
    /// <param name="receivedAt">When the callback arrived; used when WeCom gives no create time.</param>
    public InboundChatMessage ToInboundChatMessage(DateTimeOffset receivedAt)
    {
        var kind = MsgType switch
        {
            "text" or "mixed" => InboundMessageKind.Text,
            "event" => InboundMessageKind.Event,
            "stream" => InboundMessageKind.StreamRefresh,
            _ => InboundMessageKind.Other,
        };
        return new InboundChatMessage(
            ChatChannel.Bot,
            DedupeKey,
            FromUserId,
            ChatId,
            kind,
            MsgType,
            kind == InboundMessageKind.Text ? Text ?? "" : null,
            kind == InboundMessageKind.Event ? EventType : null,
            CreateTime ?? receivedAt,
            ResponseUrl,
            kind == InboundMessageKind.StreamRefresh ? StreamId : null);
    }

    private static string? TextOf(BotMessageWire wire) => wire.MsgType switch
    {
        "text" => wire.Text?.Content,
        "mixed" => string.Join(
            '\n',
            (wire.Mixed?.Items ?? []).Where(item => item.MsgType == "text" && item.Text?.Content is not null)
                .Select(item => item.Text!.Content)),
        _ => null,
    };
}

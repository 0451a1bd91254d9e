using System.Globalization;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.WeCom.Messages;

/// <summary>
/// A decrypted self-built app callback (document paths 90239 接收普通消息, 90240 接收事件). Text and event
/// fields are modelled; other message types keep their common fields and <see cref="MsgType"/>.
/// </summary>
/// <param name="ToUserName">The CorpID.</param>
/// <param name="FromUserName">The sender's userid.</param>
/// <param name="CreateTime">When WeCom created the message.</param>
/// <param name="MsgType">The message type: <c>text</c>, <c>event</c>, <c>image</c>, … (unknown values kept).</param>
/// <param name="Content">The text of a <c>text</c> message.</param>
/// <param name="MsgId">The 64-bit message id, absent on events.</param>
/// <param name="AgentId">The app's AgentID.</param>
/// <param name="Event">The event name for <c>event</c> messages (<c>enter_agent</c>, <c>subscribe</c>, …).</param>
/// <param name="EventKey">The event key, when the event has one.</param>
public sealed record AppMessage(
    string ToUserName,
    string FromUserName,
    DateTimeOffset CreateTime,
    string MsgType,
    string? Content,
    string? MsgId,
    string? AgentId,
    string? Event,
    string? EventKey)
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "ToUserName", "FromUserName", "CreateTime", "MsgType", "Content", "MsgId", "AgentID", "Event", "EventKey",
    };

    /// <summary>True for <c>event</c> messages.</summary>
    public bool IsEvent => MsgType == "event";

    /// <summary>
    /// Identifies this message across redeliveries: WeCom retries a callback it got no answer to, so dedupe on
    /// MsgId, and for events, which have none, on sender + CreateTime + event (platform-facts.md).
    /// </summary>
    public string DedupeKey => IsEvent || MsgId is null
        ? string.Create(CultureInfo.InvariantCulture, $"app:{MsgType}:{Event}:{FromUserName}:{CreateTime.ToUnixTimeSeconds()}")
        : $"app:{MsgId}";

    /// <summary>Parses the decrypted XML of an app callback. Never throws on hostile input.</summary>
    /// <param name="xml">The message from <see cref="WeComCallbackCrypto.Decrypt"/>.</param>
    public static CallbackParseResult<AppMessage> Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length == 0)
        {
            return CallbackParseResult<AppMessage>.Failure(CallbackParseStatus.Empty);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var status = FlatXml.Read(xml, Fields, fields);
        if (status != CallbackParseStatus.Ok)
        {
            return CallbackParseResult<AppMessage>.Failure(status);
        }

        if (!fields.TryGetValue("ToUserName", out var to)
            || !fields.TryGetValue("FromUserName", out var from)
            || !fields.TryGetValue("CreateTime", out var createTime)
            || !fields.TryGetValue("MsgType", out var msgType))
        {
            return CallbackParseResult<AppMessage>.Failure(CallbackParseStatus.MissingField);
        }

        if (!TryParseUnixSeconds(createTime, out var created))
        {
            return CallbackParseResult<AppMessage>.Failure(CallbackParseStatus.Malformed);
        }

        return CallbackParseResult<AppMessage>.Success(new AppMessage(
            to,
            from,
            created,
            msgType,
            fields.GetValueOrDefault("Content"),
            fields.GetValueOrDefault("MsgId"),
            fields.GetValueOrDefault("AgentID"),
            fields.GetValueOrDefault("Event"),
            fields.GetValueOrDefault("EventKey")));
    }

    /// <summary>The channel-neutral form for the inbound processor.</summary>
    public InboundChatMessage ToInboundChatMessage()
    {
        var kind = MsgType switch
        {
            "text" => InboundMessageKind.Text,
            "event" => InboundMessageKind.Event,
            _ => InboundMessageKind.Other,
        };
        return new InboundChatMessage(
            ChatChannel.App,
            DedupeKey,
            FromUserName,
            ChatId: null,
            kind,
            MsgType,
            Text: kind == InboundMessageKind.Text ? Content ?? "" : null,
            EventName: kind == InboundMessageKind.Event ? Event : null,
            CreateTime,
            ResponseUrl: null,
            StreamId: null);
    }

    private static bool TryParseUnixSeconds(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}

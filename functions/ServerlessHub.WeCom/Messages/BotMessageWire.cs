using System.Text.Json.Serialization;

namespace ServerlessHub.WeCom.Messages;

// The AI-bot callback JSON as WeCom sends it (document path 100719 接收消息). Every member is optional
// here; BotMessage.Parse decides what is required.
internal sealed record BotMessageWire(
    [property: JsonPropertyName("msgid")] string? MsgId,
    [property: JsonPropertyName("aibotid")] string? AiBotId,
    [property: JsonPropertyName("chatid")] string? ChatId,
    [property: JsonPropertyName("chattype")] string? ChatType,
    [property: JsonPropertyName("from")] BotSenderWire? From,
    [property: JsonPropertyName("response_url")] string? ResponseUrl,
    [property: JsonPropertyName("create_time")] long? CreateTime,
    [property: JsonPropertyName("msgtype")] string? MsgType,
    [property: JsonPropertyName("text")] BotTextWire? Text,
    [property: JsonPropertyName("mixed")] BotMixedWire? Mixed,
    [property: JsonPropertyName("stream")] BotStreamWire? Stream,
    [property: JsonPropertyName("event")] BotEventWire? Event);

internal sealed record BotSenderWire([property: JsonPropertyName("userid")] string? UserId);

internal sealed record BotTextWire([property: JsonPropertyName("content")] string? Content);

internal sealed record BotMixedWire([property: JsonPropertyName("msg_item")] IReadOnlyList<BotMixedItemWire>? Items);

internal sealed record BotMixedItemWire(
    [property: JsonPropertyName("msgtype")] string? MsgType,
    [property: JsonPropertyName("text")] BotTextWire? Text);

internal sealed record BotStreamWire([property: JsonPropertyName("id")] string? Id);

internal sealed record BotEventWire([property: JsonPropertyName("eventtype")] string? EventType);

[JsonSourceGenerationOptions(MaxDepth = BotMessage.MaxJsonDepth, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(BotMessageWire))]
internal sealed partial class BotMessageJsonContext : JsonSerializerContext;

namespace ServerlessHub.WeCom.Messages;

/// <summary>A decrypted chat message in one shape for both channels, as the inbound processor consumes it.</summary>
/// <param name="Channel">The surface it arrived through.</param>
/// <param name="DedupeKey">
/// Identifies the message across WeCom's redeliveries: the MsgId for messages, sender + CreateTime + event for
/// app events. Prefixed by channel. May contain characters Table Storage keys forbid (bot msgids are Base64).
/// </param>
/// <param name="FromUserId">The sender's WeCom userid.</param>
/// <param name="ChatId">The group chat id for AI-bot group messages; otherwise null.</param>
/// <param name="Kind">What the message asks of the hub.</param>
/// <param name="MessageType">WeCom's own type name (<c>text</c>, <c>event</c>, <c>mixed</c>, …), unknown ones included.</param>
/// <param name="Text">The text for <see cref="InboundMessageKind.Text"/>; otherwise null.</param>
/// <param name="EventName">The event name (<c>enter_agent</c>, <c>enter_chat</c>, …) for <see cref="InboundMessageKind.Event"/>.</param>
/// <param name="CreatedAt">When WeCom says the message was created, or when it was received if WeCom does not say.</param>
/// <param name="ResponseUrl">The AI bot's one-off reply URL, when given.</param>
/// <param name="StreamId">The stream being refreshed, for <see cref="InboundMessageKind.StreamRefresh"/>.</param>
public sealed record InboundChatMessage(
    ChatChannel Channel,
    string DedupeKey,
    string FromUserId,
    string? ChatId,
    InboundMessageKind Kind,
    string MessageType,
    string? Text,
    string? EventName,
    DateTimeOffset CreatedAt,
    string? ResponseUrl,
    string? StreamId);

namespace ServerlessHub.WeCom.Messages;

/// <summary>What an inbound chat message asks of the hub.</summary>
public enum InboundMessageKind
{
    /// <summary>Text the member typed (text, or the text parts of a mixed message).</summary>
    Text,

    /// <summary>An event such as entering the app or the bot chat; see <see cref="InboundChatMessage.EventName"/>.</summary>
    Event,

    /// <summary>The AI bot polling for more of a stream reply; see <see cref="InboundChatMessage.StreamId"/>.</summary>
    StreamRefresh,

    /// <summary>Anything else (image, voice, file, unknown types): represented, not rejected.</summary>
    Other,
}

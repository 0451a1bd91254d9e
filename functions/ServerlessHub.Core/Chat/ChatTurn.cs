using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Chat;

/// <summary>
/// The inbound chat flow's decision for one message: continue the sender's interview if one is live, otherwise read
/// the message as a command, starting an interview when it asks for one. Pure: the caller loads and keeps the
/// <see cref="Conversation"/>, and passes the instant the message is handled.
/// </summary>
public static class ChatTurn
{
    /// <summary>Decides what <paramref name="text"/> from <paramref name="sender"/> means.</summary>
    /// <param name="hub">The hub the message was sent to.</param>
    /// <param name="sender">Who sent it.</param>
    /// <param name="active">The sender's kept interview, if any (expired ones are recognised here).</param>
    /// <param name="text">The message text.</param>
    /// <param name="now">The instant the message is handled (UTC).</param>
    public static ChatTurnResult Handle(HubDefinition hub, Person sender, Conversation? active, string? text, DateTimeOffset now) =>
        active is null ? Fresh(hub, sender, text, now, expired: null) : Interview.Step(active, text, hub, sender, now);

    internal static ChatTurnResult Fresh(HubDefinition hub, Person sender, string? text, DateTimeOffset now, Conversation? expired)
    {
        var command = ChatCommandParser.Parse(text, sender, hub, LocalTime.ToDate(now, hub.TimeZone));
        return command is StartInterview start
            ? Interview.Start(start, hub, sender, now) with { Expired = expired }
            : new ChatTurnResult(command, null, expired, null);
    }
}

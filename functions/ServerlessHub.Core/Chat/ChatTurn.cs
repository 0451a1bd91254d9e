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

/// <summary>The outcome of one chat message.</summary>
/// <param name="Intent">What to do and answer.</param>
/// <param name="Conversation">The interview to keep for the next message; null to delete any kept one.</param>
/// <param name="Expired">The interview that had lapsed (or whose report kind or fields the hub no longer has) before
/// this message, which was then read as a fresh command; say so in the answer.</param>
/// <param name="Pending">When <paramref name="Intent"/> interrupts an interview that goes on (帮助, 状态), the question
/// to repeat after answering.</param>
public sealed record ChatTurnResult(ChatIntent Intent, Conversation? Conversation, Conversation? Expired, AskField? Pending);

namespace ServerlessHub.WeCom.Messages;

/// <summary>Whether an AI-bot message came from a one-to-one chat or a group (<c>chattype</c>).</summary>
public enum BotChatType
{
    /// <summary><c>single</c>: a one-to-one chat with the bot.</summary>
    OneToOne,

    /// <summary><c>group</c>: a group chat where the bot was @-mentioned.</summary>
    Group,
}

namespace ServerlessHub.WeCom.Messages;

/// <summary>The WeCom surface a chat message arrived through.</summary>
public enum ChatChannel
{
    /// <summary>A self-built app (自建应用), XML callbacks.</summary>
    App,

    /// <summary>An AI bot (智能机器人) in API mode, JSON callbacks.</summary>
    Bot,
}

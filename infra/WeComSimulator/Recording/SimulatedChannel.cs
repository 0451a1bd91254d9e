namespace ServerlessHub.WeCom.Simulation.Recording;

/// <summary>Which WeCom surface received a message.</summary>
public enum SimulatedChannel
{
    /// <summary>A group robot webhook (群机器人).</summary>
    Robot,

    /// <summary>An app message (应用消息, message/send).</summary>
    App,

    /// <summary>An app-owned group chat (应用群聊, appchat/send).</summary>
    AppChat,

    /// <summary>An AI-bot active reply through a response_url (智能机器人主动回复).</summary>
    AiBotResponse,
}

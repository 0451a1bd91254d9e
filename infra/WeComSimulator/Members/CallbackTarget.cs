namespace ServerlessHub.WeCom.Simulation.Members;

/// <summary>
/// Where and how the simulator sends a hub's callbacks: the hub's callback URLs and the token and EncodingAESKey that
/// WeCom would share with it (the same values the hub's app settings hold).
/// </summary>
public sealed class CallbackTarget
{
    /// <summary>A name to pick the target by, e.g. the hub id.</summary>
    public string Hub { get; set; } = "";

    /// <summary>The app callback, e.g. http://127.0.0.1:7071/api/wecom/jiangning-kindergartens/callback.</summary>
    public Uri? AppCallbackUrl { get; set; }

    public int AgentId { get; set; } = 1000002;

    public string Token { get; set; } = "";

    public string EncodingAesKey { get; set; } = "";

    /// <summary>The AI-bot callback, e.g. http://127.0.0.1:7071/api/wecom/jiangning-kindergartens/bot.</summary>
    public Uri? BotCallbackUrl { get; set; }

    public string BotId { get; set; } = "";

    public string BotToken { get; set; } = "";

    public string BotEncodingAesKey { get; set; } = "";
}

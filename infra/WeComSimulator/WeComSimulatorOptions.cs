namespace ServerlessHub.WeCom.Simulation;

/// <summary>What the simulated WeCom tenant contains and how strictly it limits callers.</summary>
public sealed class WeComSimulatorOptions
{
    /// <summary>The corp id gettoken accepts.</summary>
    public string CorpId { get; set; } = "wwsimulatedcorp";

    /// <summary>The self-built apps: their agent ids and secrets.</summary>
    public List<SimulatedApp> Apps { get; set; } = [];

    /// <summary>The group robot webhook keys that exist; any other key answers 93000.</summary>
    public List<string> RobotKeys { get; set; } = [];

    /// <summary>The member user ids that exist; others are reported in <c>invaliduser</c>.</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>The department ids that exist; others are reported in <c>invalidparty</c>.</summary>
    public List<string> Parties { get; set; } = [];

    /// <summary>The tag ids that exist; others are reported in <c>invalidtag</c>.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Messages a robot accepts per rolling <see cref="RobotRateWindow"/> before answering 45009. Default 20, as WeCom documents.</summary>
    public int RobotMessagesPerMinute { get; set; } = 20;

    /// <summary>
    /// The rolling window <see cref="RobotMessagesPerMinute"/> counts in. Default one minute, as WeCom documents;
    /// tests and benchmarks shorten it together with the hub's <c>Outbound:RateWindow</c> to measure the limit quickly.
    /// </summary>
    public TimeSpan RobotRateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The access token lifetime announced as <c>expires_in</c>. Default 7200 s, as WeCom issues.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>
    /// App-owned group chats that exist from the start, as if their app had called <c>appchat/create</c>: tests and the
    /// demo can send to a chat with <c>appchat/send</c> without creating it first.
    /// </summary>
    public List<PresetChat> Chats { get; set; } = [];

    /// <summary>The hubs whose callbacks the simulator can send as a member (the page's form, <c>/_sim/members/say</c>).</summary>
    public List<Members.CallbackTarget> Hubs { get; set; } = [];
}

/// <summary>One simulated self-built app.</summary>
public sealed class SimulatedApp
{
    /// <summary>The app's agent id.</summary>
    public int AgentId { get; set; }

    /// <summary>The app's secret (a made-up value: this is a simulator).</summary>
    public string Secret { get; set; } = "";
}

/// <summary>An app-owned group chat that exists when the simulator starts.</summary>
public sealed class PresetChat
{
    /// <summary>The chat id: 1 to 32 characters of <c>0-9a-zA-Z</c>, unique among the chats.</summary>
    public string ChatId { get; set; } = "";

    /// <summary>The agent id of the app that owns the chat and may send to it; one of <see cref="WeComSimulatorOptions.Apps"/>.</summary>
    public int AgentId { get; set; }

    /// <summary>The chat name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The owner's user id, or <see langword="null"/> for the first member.</summary>
    public string? Owner { get; set; }

    /// <summary>The members' user ids.</summary>
    public List<string> Members { get; set; } = [];
}

namespace ServerlessHub.Hubs;

/// <summary>A place reminders and digests can be posted. One of <see cref="RobotWebhookChannel"/>,
/// <see cref="AppChatChannel"/> or <see cref="AppUsersChannel"/>.</summary>
/// <param name="Id">The channel's id within the hub.</param>
public abstract record Channel(string Id);

/// <summary>A group robot (群机器人) posting through its webhook.</summary>
/// <param name="Id">The channel's id.</param>
/// <param name="Webhook">The webhook key or URL; a secret, since anyone holding it can post.</param>
public sealed record RobotWebhookChannel(string Id, SecretReference Webhook) : Channel(Id);

/// <summary>A group chat owned by the hub's WeCom app (应用群聊), sent to with appchat/send.</summary>
/// <param name="Id">The channel's id.</param>
/// <param name="ChatId">The WeCom chat id (at most 32 of 0-9, a-z, A-Z).</param>
public sealed record AppChatChannel(string Id, string ChatId) : Channel(Id);

/// <summary>
/// App messages to individual people. Recipients are <see cref="People"/> and everyone with one of
/// <see cref="Roles"/>; when both are empty, a reminder step's audience.
/// </summary>
/// <param name="Id">The channel's id.</param>
/// <param name="People">WeCom user ids.</param>
/// <param name="Roles">Roles whose holders receive the messages.</param>
public sealed record AppUsersChannel(string Id, IReadOnlyList<string> People, IReadOnlyList<PersonRole> Roles) : Channel(Id);

using System.Security.Cryptography;
using System.Text;
using ServerlessHub.Hubs;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

/// <summary>A shared send rate: at most <see cref="Limit"/> sends per window for everything with the same <see cref="Key"/>.</summary>
public sealed record RateScope(string Key, int Limit);

/// <summary>A destination resolved against its hub: the WeCom surface, the credentials and who receives it.</summary>
public abstract record DeliveryTarget
{
    /// <summary>Where it goes, for the outbox: ids and names, never a robot key or a response_url.</summary>
    public abstract string Description { get; }

    /// <summary>The byte limit of one part in <paramref name="format"/>.</summary>
    public abstract int MaxBytes(MessageFormat format);

    // Targets hold the robot key, the app secret or the response_url: never let a log line or assertion print them.
    public sealed override string ToString() => Description;

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

/// <summary>A group robot (群机器人).</summary>
public sealed record RobotTarget(string ChannelId, string Key) : DeliveryTarget
{
    public override string Description => $"群机器人渠道 {ChannelId}";

    public override int MaxBytes(MessageFormat format) => WeComContentLimits.ForRobot(format.ToWeCom());

    // Keyed by the webhook key's hash, so two channels (or hubs) naming one robot share its 20 a minute.
    public RateScope Scope(OutboundOptions options) => new("robot|" + Hash(Key), options.RobotMessagesPerWindow);
}

/// <summary>App messages (应用消息) to members.</summary>
public sealed record AppMessageTarget(WeComAppSettings App, string Secret, IReadOnlyList<string> UserIds, string Audience) : DeliveryTarget
{
    public override string Description => $"应用消息 {Audience}：{string.Join('|', UserIds)}";

    public override int MaxBytes(MessageFormat format) => WeComContentLimits.ForApp(format.ToWeCom());

    // WeCom limits messages per member; one scope per recipient set approximates that for the hub's usual traffic,
    // where a member is reached by one stream (their reminders) at a time.
    public RateScope Scope(OutboundOptions options) =>
        new($"app|{App.CorpId}|{App.AgentId}|{Hash(string.Join('|', UserIds.Order(StringComparer.OrdinalIgnoreCase)))}", options.AppMessagesPerWindow);
}

/// <summary>An app-owned group chat (应用群聊).</summary>
public sealed record AppChatTarget(WeComAppSettings App, string Secret, string ChannelId, string ChatId) : DeliveryTarget
{
    public override string Description => $"应用群聊渠道 {ChannelId}（chatid {ChatId}）";

    public override int MaxBytes(MessageFormat format) => WeComContentLimits.ForApp(format.ToWeCom());
}

/// <summary>An AI-bot reply through its one-off response_url (智能机器人主动回复, document 101138).</summary>
public sealed record BotResponseTarget(Uri ResponseUrl) : DeliveryTarget
{
    public override string Description => "智能机器人回复";

    // The reply is markdown, like a robot's; a response_url takes one call, so the content is never split.
    public override int MaxBytes(MessageFormat format) => WeComContentLimits.RobotMarkdownBytes;
}

internal static class MessageFormatExtensions
{
    public static WeComContentFormat ToWeCom(this MessageFormat format) =>
        format == MessageFormat.Markdown ? WeComContentFormat.Markdown : WeComContentFormat.Text;
}

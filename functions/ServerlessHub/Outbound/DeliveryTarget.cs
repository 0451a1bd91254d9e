using System.Security.Cryptography;
using System.Text;
using ServerlessHub.Hubs;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

/// <summary>
/// A shared send rate: at most <see cref="Limit"/> sends per window to each of <see cref="Keys"/> (distinct) within
/// <see cref="Partition"/>. One send counts once for every key it names: an app message to three members is one send to
/// each of them.
/// </summary>
public sealed record RateScope(string Partition, IReadOnlyList<string> Keys, int Limit);

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
    public RateScope Scope(OutboundOptions options) => new("robot|" + Hash(Key), ["robot"], options.RobotMessagesPerWindow);
}

/// <summary>App messages (应用消息) to members.</summary>
public sealed record AppMessageTarget(WeComAppSettings App, string Secret, IReadOnlyList<string> UserIds, string Audience) : DeliveryTarget
{
    public override string Description => $"应用消息 {Audience}：{string.Join('|', UserIds)}";

    public override int MaxBytes(MessageFormat format) => WeComContentLimits.ForApp(format.ToWeCom());

    // WeCom drops what an app sends one member beyond about 30 a minute, whoever else the message went to: so the
    // limit is each member's, counted across every message naming them. All members of one app share a partition, so
    // a message to several members reserves their turns together (SendRateLimiter).
    public RateScope Scope(OutboundOptions options) =>
        new($"app|{App.CorpId}|{App.AgentId}", [.. UserIds.Select(MemberKey).Distinct(StringComparer.Ordinal)], options.AppMessagesPerWindow);

    // WeCom user ids are case-insensitive and made of letters, digits and _-@. — valid row keys; anything else (an id
    // WeCom would refuse anyway) is hashed so that it cannot break the key.
    private static string MemberKey(string userId)
    {
        var id = userId.ToLowerInvariant();
        return id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '@' or '.') ? id : "~" + Hash(id);
    }
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

using Microsoft.Extensions.Options;
using ServerlessHub.Hubs;

namespace ServerlessHub.Outbound;

/// <summary>A destination resolved to a target, or why it cannot be (a fact about the hub, so never retried).</summary>
public sealed record Resolution(DeliveryTarget? Target, string? Problem)
{
    public static Resolution Of(DeliveryTarget target) => new(target, null);

    public static Resolution Unresolved(string problem) => new(null, problem);
}

/// <summary>Turns a message's <see cref="Destination"/> into who and how to send, from the hub definition.</summary>
public sealed class DestinationResolver(HubSecrets secrets, IOptions<WeComConnectionOptions> wecom)
{
    public Resolution Resolve(Hub hub, Destination to) => to.Kind switch
    {
        DestinationKind.People => AppMessage(hub, to.UserIds ?? [], "成员"),
        DestinationKind.UnitLiaisons => Liaisons(hub, to.UnitId!),
        DestinationKind.Channel => Channel(hub, to.ChannelId!),
        DestinationKind.BotResponse => BotResponse(to.ResponseUrl!),
        _ => Resolution.Unresolved($"不支持的目的地类型 {to.Kind}"),
    };

    private Resolution Liaisons(Hub hub, string unitId)
    {
        if (hub.FindUnit(unitId) is null)
        {
            return Resolution.Unresolved($"中枢没有单位 {unitId}");
        }

        var liaisons = hub.Liaisons(unitId).Select(p => p.UserId).ToList();
        return liaisons.Count == 0
            ? Resolution.Unresolved($"单位 {unitId} 没有联络员")
            : AppMessage(hub, liaisons, $"单位 {unitId} 的联络员");
    }

    private Resolution Channel(Hub hub, string channelId)
    {
        switch (hub.Definition.Channels.FirstOrDefault(c => c.Id == channelId))
        {
            case null:
                return Resolution.Unresolved($"中枢没有渠道 {channelId}");
            case RobotWebhookChannel robot:
                var webhook = secrets.Resolve(hub, robot.Webhook);
                if (webhook is null)
                {
                    return Resolution.Unresolved($"渠道 {channelId} 的 webhook 密钥不可用（{robot.Webhook}）");
                }

                return RobotKeyOf(webhook) is { } key
                    ? Resolution.Of(new RobotTarget(channelId, key))
                    : Resolution.Unresolved($"渠道 {channelId} 的 webhook 既不是 key 也不是含 key 参数的地址");
            case AppChatChannel chat:
                return WithApp(hub, (app, secret) => new AppChatTarget(app, secret, channelId, chat.ChatId));
            case AppUsersChannel users:
                var ids = users.People
                    .Concat(users.Roles.SelectMany(role => hub.PeopleWithRole(role).Select(p => p.UserId)))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList();
                return ids.Count == 0
                    ? Resolution.Unresolved($"渠道 {channelId} 没有固定收件人（只能用于提醒步骤）")
                    : AppMessage(hub, ids, $"渠道 {channelId}");
            default:
                return Resolution.Unresolved($"不支持的渠道类型 {channelId}");
        }
    }

    private Resolution AppMessage(Hub hub, IReadOnlyList<string> userIds, string audience) =>
        userIds.Count == 0
            ? Resolution.Unresolved("没有收件人")
            : WithApp(hub, (app, secret) => new AppMessageTarget(app, secret, userIds, audience));

    private Resolution WithApp(Hub hub, Func<WeComAppSettings, string, DeliveryTarget> target)
    {
        if (hub.Definition.WeCom is not { } app)
        {
            return Resolution.Unresolved("中枢没有配置企业微信自建应用（wecom）");
        }

        return secrets.Resolve(hub, app.Secret) is { } secret
            ? Resolution.Of(target(app, secret))
            : Resolution.Unresolved($"应用 Secret 不可用（{app.Secret}）");
    }

    private Resolution BotResponse(string responseUrl)
    {
        // Only WeCom's own reply endpoint: the URL comes from a callback, and posting anywhere else would let a forged
        // message make the hub send report content to an address of the forger's choosing.
        var host = wecom.Value.BaseUrl;
        return Uri.TryCreate(responseUrl, UriKind.Absolute, out var url)
            && url.Scheme == host.Scheme && string.Equals(url.Host, host.Host, StringComparison.OrdinalIgnoreCase) && url.Port == host.Port
            && url.AbsolutePath.EndsWith("/cgi-bin/aibot/response", StringComparison.Ordinal)
            ? Resolution.Of(new BotResponseTarget(url))
            : Resolution.Unresolved("response_url 不是企业微信智能机器人的回复地址");
    }

    /// <summary>The key of a robot webhook given as the key itself or as the whole webhook URL.</summary>
    internal static string? RobotKeyOf(string webhook)
    {
        if (!webhook.Contains("://", StringComparison.Ordinal))
        {
            return webhook.Any(c => char.IsWhiteSpace(c) || c is '&' or '?' or '/') ? null : webhook;
        }

        if (!Uri.TryCreate(webhook, UriKind.Absolute, out var url))
        {
            return null;
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == "key" && equals < pair.Length - 1)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}

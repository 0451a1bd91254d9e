using System.Collections.Concurrent;
using ServerlessHub.Hubs;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.Inbound;

/// <summary>
/// The callback crypto of each hub's WeCom app (receive id = CorpID) and AI bot (receive id = ""), built from the hub's
/// secret references once per hub version. Null when the hub has no such settings or a secret is not configured.
/// </summary>
public sealed class CallbackCryptos(HubSecrets secrets)
{
    private readonly ConcurrentDictionary<(string HubId, int Version, bool Bot), WeComCallbackCrypto?> _cryptos = new();

    public WeComCallbackCrypto? ForApp(Hub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return _cryptos.GetOrAdd((hub.Id, hub.Version, false), _ => hub.Definition.WeCom is { } app
            ? Create(secrets.Resolve(hub, app.Token), secrets.Resolve(hub, app.EncodingAesKey), app.CorpId)
            : null);
    }

    public WeComCallbackCrypto? ForBot(Hub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return _cryptos.GetOrAdd((hub.Id, hub.Version, true), _ => hub.Definition.AiBot is { } bot
            ? Create(secrets.Resolve(hub, bot.Token), secrets.Resolve(hub, bot.EncodingAesKey), "")
            : null);
    }

    private static WeComCallbackCrypto? Create(string? token, string? key, string receiveId)
    {
        if (string.IsNullOrEmpty(token) || key is not { Length: WeComCallbackCrypto.EncodingAesKeyLength })
        {
            return null;
        }

        try
        {
            return new WeComCallbackCrypto(token, key, receiveId);
        }
        catch (ArgumentException)
        {
            // A configured EncodingAESKey that is not valid Base64: treated as not configured (the callback answers 404).
            return null;
        }
    }
}

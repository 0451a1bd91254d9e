using System.Security.Cryptography;
using ServerlessHub.WeCom.Simulation.Replies;

namespace ServerlessHub.WeCom.Simulation.Tokens;

/// <summary>
/// The access tokens issued per app. As WeCom does, gettoken within a token's lifetime returns the same token; a token
/// can be made to expire (42001) or be invalidated (40014) early, so clients' refresh paths can be exercised.
/// </summary>
public sealed class TokenRegistry(WeComSimulatorOptions options, TimeProvider timeProvider)
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, IssuedToken> byValue = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> requestsByAgent = [];

    /// <summary>How many gettoken calls named the app <paramref name="agentId"/>'s secret.</summary>
    public int TokenRequests(int agentId)
    {
        lock (sync)
        {
            return requestsByAgent.GetValueOrDefault(agentId);
        }
    }

    /// <summary>Makes the app's current tokens expired: using one answers 42001, and gettoken issues a new one.</summary>
    public void Expire(int agentId) => Change(agentId, token => token with { ExpiresAt = timeProvider.GetUtcNow() });

    /// <summary>Makes the app's current tokens invalid: using one answers 40014, and gettoken issues a new one.</summary>
    public void Invalidate(int agentId) => Change(agentId, token => token with { Invalidated = true });

    internal (ErrorReply? Error, TokenReply? Token, int AgentId) Issue(string? corpId, string? secret)
    {
        if (corpId != options.CorpId)
        {
            return (WeComErrors.InvalidCorpId, null, 0);
        }

        var app = options.Apps.FirstOrDefault(a => !string.IsNullOrEmpty(secret) && a.Secret == secret);
        if (app is null)
        {
            return (WeComErrors.InvalidSecret, null, 0);
        }

        var now = timeProvider.GetUtcNow();
        lock (sync)
        {
            requestsByAgent[app.AgentId] = requestsByAgent.GetValueOrDefault(app.AgentId) + 1;
            var current = byValue.Values.FirstOrDefault(t => t.AgentId == app.AgentId && !t.Invalidated && now < t.ExpiresAt);
            if (current is not null)
            {
                return (null, Reply(current, now), app.AgentId);
            }

            var issued = new IssuedToken(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), app.AgentId, now + options.TokenLifetime, Invalidated: false);
            byValue[issued.Value] = issued;
            return (null, Reply(issued, now), app.AgentId);
        }
    }

    /// <summary>Which app a token belongs to, or the errcode WeCom would answer for it.</summary>
    internal (ErrorReply? Error, int AgentId) Authenticate(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return (WeComErrors.MissingAccessToken, 0);
        }

        lock (sync)
        {
            if (!byValue.TryGetValue(accessToken, out var token) || token.Invalidated)
            {
                return (WeComErrors.InvalidAccessToken, 0);
            }

            return timeProvider.GetUtcNow() >= token.ExpiresAt ? (WeComErrors.AccessTokenExpired, 0) : (null, token.AgentId);
        }
    }

    private void Change(int agentId, Func<IssuedToken, IssuedToken> change)
    {
        lock (sync)
        {
            foreach (var token in byValue.Values.Where(t => t.AgentId == agentId).ToList())
            {
                byValue[token.Value] = change(token);
            }
        }
    }

    private static TokenReply Reply(IssuedToken token, DateTimeOffset now) =>
        new(0, "ok", token.Value, (int)Math.Ceiling((token.ExpiresAt - now).TotalSeconds));

    private sealed record IssuedToken(string Value, int AgentId, DateTimeOffset ExpiresAt, bool Invalidated);
}

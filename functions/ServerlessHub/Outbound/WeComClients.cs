using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

/// <summary>
/// The WeCom clients of this instance: one app client per (corp id, agent id) for the app's lifetime, so the access
/// token is fetched once and shared by every send (replaced if the hub's secret changes), and one robot client per key.
/// </summary>
public sealed class WeComClients : IDisposable
{
    private readonly HttpClient _http;
    private readonly WeComClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string CorpId, int AgentId), (string Secret, WeComAppClient Client)> _apps = new();
    private readonly ConcurrentDictionary<string, WeComRobotClient> _robots = new(StringComparer.Ordinal);

    public WeComClients(IOptions<WeComConnectionOptions> options, TimeProvider time)
    {
        // Long-lived clients need pooled connections that are renewed, so DNS changes are picked up.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        _options = new WeComClientOptions { BaseUri = options.Value.BaseUrl, Timeout = options.Value.Timeout };
        _time = time;
        Bot = new BotResponseClient(_http, options.Value.Timeout, time);
    }

    public BotResponseClient Bot { get; }

    public WeComAppClient App(string corpId, int agentId, string secret) =>
        _apps.AddOrUpdate(
            (corpId, agentId),
            _ => (secret, new WeComAppClient(corpId, secret, agentId, _http, _options, _time)),
            (_, existing) => existing.Secret == secret ? existing : (secret, new WeComAppClient(corpId, secret, agentId, _http, _options, _time))).Client;

    public WeComRobotClient Robot(string key) => _robots.GetOrAdd(key, k => new WeComRobotClient(k, _http, _options));

    public void Dispose() => _http.Dispose();
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Testing;

namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>
/// A private Azurite and one app instance on it, with a generated hub of many units applied and a key for it: what
/// the load benchmarks measure against.
/// </summary>
internal sealed class BenchmarkHub : IAsyncDisposable
{
    public const string WeeklyFields = """
            fields:
              - { id: progress, label: 本周进展, type: text, required: true }
              - { id: problems, label: 存在问题, type: text }
              - { id: plan, label: 下周计划, type: text, required: true }
              - { id: sessions, label: 活动场次, type: number }
        """;

    private BenchmarkHub(Azurite azurite, HubInstance app, string hubId, string key)
    {
        Azurite = azurite;
        App = app;
        HubId = hubId;
        Key = key;
    }

    public Azurite Azurite { get; }

    public HubInstance App { get; }

    public string HubId { get; }

    /// <summary>A key of the hub (not an admin key), as a coordinator's integration would hold.</summary>
    public string Key { get; }

    public static string UnitId(int index) => string.Create(CultureInfo.InvariantCulture, $"u{index + 1:D3}");

    /// <summary>The WeCom user id of the unit's one liaison (联络员).</summary>
    public static string LiaisonId(int index) => string.Create(CultureInfo.InvariantCulture, $"lx{index + 1:D3}");

    /// <summary>
    /// A hub of <paramref name="units"/> units with a liaison each and one weekly report due Friday 17:00;
    /// <paramref name="extra"/> adds top-level YAML.
    /// </summary>
    public static string Document(string hubId, int units, string extra = "")
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"id: {hubId}");
        yaml.AppendLine("name: 基准测试协作体");
        yaml.AppendLine("units:");
        for (var i = 0; i < units; i++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ id: {UnitId(i)}, name: 第{i + 1}成员单位 }}");
        }

        yaml.AppendLine("people:");
        for (var i = 0; i < units; i++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ userId: {LiaisonId(i)}, name: 联络员{i + 1}, unit: {UnitId(i)}, roles: [liaison] }}");
        }

        yaml.AppendLine("reports:");
        yaml.AppendLine("  - id: weekly");
        yaml.AppendLine("    title: 周报");
        yaml.AppendLine("    cadence: weekly");
        yaml.AppendLine("    due: { from: start, days: 4, time: \"17:00\" }");
        yaml.AppendLine(WeeklyFields);
        yaml.Append(extra);
        return yaml.ToString();
    }

    /// <summary>Starts Azurite and the app (with <paramref name="settings"/> over the storage setting), applies <paramref name="document"/>, creates a key.</summary>
    public static Task<BenchmarkHub> StartAsync(string hubId, string document, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken) =>
        StartAsync(hubId, document, settings, null, cancellationToken);

    /// <summary>As above, with <paramref name="configureServices"/> (e.g. a clock) applied over the app's services.</summary>
    public static async Task<BenchmarkHub> StartAsync(
        string hubId, string document, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var azurite = await Azurite.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = new Dictionary<string, string?>(settings) { ["AzureWebJobsStorage"] = azurite.ConnectionString };
            var app = await HubInstance.StartAsync(all, configureServices, cancellationToken: cancellationToken).ConfigureAwait(false);
            var applied = await app.Services.GetRequiredService<HubDefinitions>().ApplyAsync(document, null, "bench", cancellationToken).ConfigureAwait(false);
            if (applied is not HubApplyResult.Applied)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                var errors = applied is HubApplyResult.Invalid invalid ? string.Join('\n', invalid.Errors.Select(e => $"{e.Path}: {e.English}")) : applied.ToString();
                throw new InvalidOperationException($"The benchmark hub was refused:\n{errors}");
            }

            var key = await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyScope.Hub, hubId, "bench", DateTimeOffset.UtcNow, null, cancellationToken).ConfigureAwait(false);
            return new BenchmarkHub(azurite, app, hubId, key);
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A client of the app that sends the hub key; its pool opens as many connections as there are concurrent requests.</summary>
    public HttpClient Client() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = App.BaseAddress, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { "x-functions-key", Key } } };

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync().ConfigureAwait(false);
        await Azurite.DisposeAsync().ConfigureAwait(false);
    }
}

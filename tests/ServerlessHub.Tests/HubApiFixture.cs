using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Testing;

namespace ServerlessHub;

/// <summary>
/// Azurite plus one app instance (HTTP only, triggers off) on a clock the tests set, with the two demo hubs applied
/// and a key for each and an admin key.
/// </summary>
public sealed class HubApiFixture : IAsyncLifetime
{
    public const string Schools = "jiangning-kindergartens";
    public const string County = "county-medical-insurance";

    private Azurite? _azurite;

    /// <summary>Monday 2026-11-23 10:00 in Shanghai: inside 2026-W48, before its Friday 17:00 due time.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public SettableClock Time { get; } = new(MondayMorning);

    public HubInstance Hub { get; private set; } = null!;

    public string ConnectionString => _azurite!.ConnectionString;

    public string AdminKey { get; private set; } = "";

    public Dictionary<string, string> HubKeys { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _azurite = await Azurite.StartAsync(ct);
        Hub = await HubInstance.StartAsync(
            new Dictionary<string, string?> { ["AzureWebJobsStorage"] = _azurite.ConnectionString, ["LocalHost:RunTriggers"] = "false" },
            services => services.AddSingleton<TimeProvider>(Time),
            cancellationToken: ct);
        var definitions = Hub.Services.GetRequiredService<HubDefinitions>();
        var keys = Hub.Services.GetRequiredService<ApiKeyStore>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "hubs", "demo"), "*.yaml"))
        {
            var applied = Assert.IsType<HubApplyResult.Applied>(await definitions.ApplyAsync(await File.ReadAllTextAsync(file, ct), null, "test", ct));
            HubKeys[applied.HubId] = await keys.CreateAsync(ApiKeyScope.Hub, applied.HubId, "test", Time.GetUtcNow(), null, ct);
        }

        AdminKey = await keys.CreateAsync(ApiKeyScope.Admin, null, "test", Time.GetUtcNow(), null, ct);
    }

    public HttpClient Client(string? key, string? language = null)
    {
        var client = new HttpClient { BaseAddress = Hub.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

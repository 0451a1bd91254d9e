using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Inbound;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Testing;

namespace ServerlessHub.Corpus;

/// <summary>
/// Azurite and one app instance (triggers off) of the corpus's own, so no other test writes while it compares
/// storage: the two demo hubs, the inbound test hub (whose app and AI-bot callbacks are configured), a key for each
/// hub, an admin key, and a revoked hub key and admin key.
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public const string Schools = HubApiFixture.Schools;
    public const string County = HubApiFixture.County;

    private Azurite? _azurite;

    public SettableClock Time { get; } = new(HubApiFixture.MondayMorning);

    public HubInstance Hub { get; private set; } = null!;

    public string ConnectionString => _azurite!.ConnectionString;

    public string AdminKey { get; private set; } = "";

    public string RevokedAdminKey { get; private set; } = "";

    public string RevokedSchoolsKey { get; private set; } = "";

    public Dictionary<string, string> HubKeys { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _azurite = await Azurite.StartAsync(ct);
        Hub = await HubInstance.StartAsync(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                ["LocalHost:RunTriggers"] = "false",
                ["HUB_TOKEN"] = InboundHarness.Token,
                ["HUB_AES"] = InboundHarness.AesKey,
                ["HUB_SECRET"] = "inbound-app-secret",
                ["HUB_BOT_TOKEN"] = InboundHarness.BotToken,
                ["HUB_BOT_AES"] = InboundHarness.BotAesKey,
            },
            services => services.AddSingleton<TimeProvider>(Time),
            cancellationToken: ct);
        var definitions = Hub.Services.GetRequiredService<HubDefinitions>();
        var keys = Hub.Services.GetRequiredService<ApiKeyStore>();
        var documents = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "hubs", "demo"), "*.yaml").Select(File.ReadAllText).Append(InboundHarness.HubDocument);
        foreach (var document in documents)
        {
            var applied = Assert.IsType<HubApplyResult.Applied>(await definitions.ApplyAsync(document, null, "test", ct));
            HubKeys[applied.HubId] = await keys.CreateAsync(ApiKeyScope.Hub, applied.HubId, "test", Time.GetUtcNow(), null, ct);
        }

        AdminKey = await keys.CreateAsync(ApiKeyScope.Admin, null, "test", Time.GetUtcNow(), null, ct);
        RevokedSchoolsKey = await CreateAndRevokeAsync($"/api/manage/hubs/{Schools}/keys");
        RevokedAdminKey = await CreateAndRevokeAsync("/api/manage/admin-keys");

        // A submission for the cases that revise, withdraw or read one that exists.
        using var schools = Client(HubKeys[Schools]);
        using var seeded = await schools.PostAsync($"/api/hubs/{Schools}/reports/weekly/periods/2026-W48/submissions",
            new StringContent("""{"unitId":"guli","fields":{"progress":"进展","plan":"计划"}}""", System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, seeded.StatusCode);

        // Each key's first use stamps its last use; using every key once now keeps those writes out of the comparison.
        foreach (var (hubId, key) in HubKeys)
        {
            using var client = Client(key);
            using var used = await client.GetAsync($"/api/hubs/{hubId}/leave", ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, used.StatusCode);
        }

        using var admin = Client(AdminKey);
        using var adminUsed = await admin.GetAsync("/api/manage/admin-keys", ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, adminUsed.StatusCode);
    }

    /// <summary>A key created and then revoked through the admin API, as an operator would.</summary>
    private async Task<string> CreateAndRevokeAsync(string route)
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = Client(AdminKey);
        using var created = await admin.PostAsync(route, new StringContent("""{"name":"revoked"}""", System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement;
        using var revoked = await admin.DeleteAsync($"{route}/{body.GetProperty("keyId").GetString()}", ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, revoked.StatusCode);
        return body.GetProperty("key").GetString()!;
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Hub.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

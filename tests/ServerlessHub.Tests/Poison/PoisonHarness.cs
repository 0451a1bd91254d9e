using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Inbound;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Simulation;
using ServerlessHub.WeCom.Simulation.Members;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Poison;

/// <summary>
/// Azurite, the WeCom simulator and one app instance running its queue functions, with the inbound tests' hub and an
/// admin key. A failed attempt is retried at once (visibility timeout 0), so a message that keeps failing reaches its
/// poison queue within a second or two.
/// </summary>
public sealed class PoisonHarness : IAsyncLifetime
{
    private Azurite? _azurite;
    private HttpClient _http = null!;

    public SettableClock Clock { get; } = new(InboundHarness.MondayMorning);

    public WeComSimulator WeCom { get; private set; } = null!;

    public HubInstance App { get; private set; } = null!;

    public MemberCallbacks Members { get; private set; } = null!;

    public CallbackTarget Target { get; private set; } = null!;

    public string AdminKey { get; private set; } = "";

    public string HubKey { get; private set; } = "";

    public string ConnectionString => _azurite!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _azurite = await Azurite.StartAsync(ct);
        WeCom = new WeComSimulator(new WeComSimulatorOptions
        {
            CorpId = InboundHarness.CorpId,
            Apps = [new SimulatedApp { AgentId = InboundHarness.AgentId, Secret = "inbound-app-secret" }],
            Users = ["zhangwei", "lina", "wangfang", "chenjing"],
        });
        await WeCom.StartAsync(0, ct);
        App = await HubInstance.StartAsync(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
                ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
                ["WeCom:BaseUrl"] = WeCom.BaseAddress.ToString(),
                ["HUB_TOKEN"] = InboundHarness.Token,
                ["HUB_AES"] = InboundHarness.AesKey,
                ["HUB_SECRET"] = "inbound-app-secret",
                ["HUB_BOT_TOKEN"] = InboundHarness.BotToken,
                ["HUB_BOT_AES"] = InboundHarness.BotAesKey,
            },
            services => services.AddSingleton<TimeProvider>(Clock),
            cancellationToken: ct);
        Assert.IsType<HubApplyResult.Applied>(await App.Services.GetRequiredService<HubDefinitions>().ApplyAsync(InboundHarness.HubDocument, null, "test", ct));
        var keys = App.Services.GetRequiredService<ApiKeyStore>();
        AdminKey = await keys.CreateAsync(ApiKeyScope.Admin, null, "test", Clock.GetUtcNow(), null, ct);
        HubKey = await keys.CreateAsync(ApiKeyScope.Hub, InboundHarness.HubId, "test", Clock.GetUtcNow(), null, ct);
        _http = new HttpClient();
        Members = new MemberCallbacks(_http, InboundHarness.CorpId, Clock);
        Target = new CallbackTarget
        {
            Hub = InboundHarness.HubId,
            AppCallbackUrl = new Uri(App.BaseAddress, $"/api/wecom/{InboundHarness.HubId}/callback"),
            AgentId = InboundHarness.AgentId,
            Token = InboundHarness.Token,
            EncodingAesKey = InboundHarness.AesKey,
        };
    }

    public HttpClient Client(string? key, string? language = null)
    {
        var client = new HttpClient { BaseAddress = App.BaseAddress };
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

    public QueueClient Queue(string name) => new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public TableClient Table(string name) => new(ConnectionString, name);

    public Task<CallbackResult> SayAsync(string from, string content) =>
        Members.SendAppTextAsync(Target, from, content, null, TestContext.Current.CancellationToken);

    public IReadOnlyList<RecordedMessage> RepliesTo(string userId) =>
        [.. WeCom.Messages.Where(m => m.Channel == SimulatedChannel.App && m.Recipients is { } to && to.Split(" / ")[0].Split('|').Contains(userId))];

    /// <summary>Until the queue holds no message, visible or not.</summary>
    public Task UntilEmptyAsync(string queueName) =>
        Polling.UntilAsync(async () => !(await Queue(queueName).ExistsAsync(TestContext.Current.CancellationToken)).Value
            || (await Queue(queueName).GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount == 0, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.DisposeAsync();
        await WeCom.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

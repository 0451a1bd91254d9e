using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Simulation;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Outbound;

/// <summary>
/// A private Azurite, the WeCom simulator, one or more app instances on its outbound queue, and a hub applied with one
/// channel of each kind: what every outbound test needs.
/// </summary>
internal sealed class OutboundHarness : IAsyncDisposable
{
    public const int AgentId = 1000002;
    public const string AppSecret = "sim-app-secret-1000002";
    public const string ChatId = "office2026";

    private readonly List<HubInstance> _instances = [];
    private readonly Azurite _azurite;

    private OutboundHarness(Azurite azurite, WeComSimulator weCom, string hubId, string robotKey)
    {
        _azurite = azurite;
        WeCom = weCom;
        HubId = hubId;
        RobotKey = robotKey;
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Queue = new QueueClient(azurite.ConnectionString, OutboundQueues.QueueName, options);
        Poison = new QueueClient(azurite.ConnectionString, OutboundQueues.PoisonQueueName, options);
    }

    public WeComSimulator WeCom { get; }

    public string HubId { get; }

    /// <summary>The key of the hub's <c>robot</c> channel (the <c>robot-url</c> channel names it by its full URL).</summary>
    public string RobotKey { get; }

    public QueueClient Queue { get; }

    public QueueClient Poison { get; }

    public HubInstance First => _instances[0];

    public static async Task<OutboundHarness> StartAsync(
        int instances = 1,
        TimeSpan? rateWindow = null,
        string maxWait = "00:00:10",
        int appMessagesPerWindow = 30,
        IReadOnlyDictionary<string, string?>? moreSettings = null,
        CancellationToken cancellationToken = default)
    {
        // The outbound queue has one name, so each harness has a storage account of its own.
        var azurite = await Azurite.StartAsync(cancellationToken);
        var robotKey = AzuriteFixture.UniqueName("robot");
        var window = rateWindow ?? TimeSpan.FromMinutes(1);
        var weCom = new WeComSimulator(new WeComSimulatorOptions
        {
            Apps = [new SimulatedApp { AgentId = AgentId, Secret = AppSecret }],
            Chats = [new PresetChat { ChatId = ChatId, AgentId = AgentId, Name = "协作体办公室", Members = ["zhangwei", "lina"] }],
            RobotKeys = [robotKey],
            Users = ["zhangwei", "lina", "wangfang", "liuyang", "chenjing"],
            RobotRateWindow = window,
        });
        await weCom.StartAsync(0, cancellationToken);
        var harness = new OutboundHarness(azurite, weCom, AzuriteFixture.UniqueName("hub-"), robotKey);
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
            ["WeCom:BaseUrl"] = weCom.BaseAddress.ToString(),
            ["Outbound:RateWindow"] = window.ToString(),
            ["Outbound:RateMargin"] = "00:00:00.500",
            ["Outbound:MaxWait"] = maxWait,
            ["Outbound:AppMessagesPerWindow"] = appMessagesPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HUB_APP_SECRET"] = AppSecret,
            ["HUB_ROBOT"] = robotKey,
            ["HUB_ROBOT_URL"] = new Uri(weCom.BaseAddress, "cgi-bin/webhook/send?key=" + robotKey).ToString(),
            ["HUB_DEAD_ROBOT"] = "removed-robot-key",
        };
        foreach (var (name, value) in moreSettings ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        for (var i = 0; i < instances; i++)
        {
            harness._instances.Add(await HubInstance.StartAsync(settings, cancellationToken: cancellationToken));
        }

        var applied = await harness.First.Services.GetRequiredService<HubDefinitions>().ApplyAsync(harness.HubDocument(), null, "test", cancellationToken);
        Assert.IsType<HubApplyResult.Applied>(applied);
        await harness.Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return harness;
    }

    public string HubDocument() => $$"""
        id: {{HubId}}
        name: 测试协作体
        wecom:
          corpId: wwsimulatedcorp
          agentId: {{AgentId}}
          token: "@setting:HUB_TOKEN"
          encodingAesKey: "@setting:HUB_AES"
          secret: "@setting:HUB_APP_SECRET"
        channels:
          - { id: robot, kind: robot-webhook, webhook: "@setting:HUB_ROBOT" }
          - { id: robot-url, kind: robot-webhook, webhook: "@setting:HUB_ROBOT_URL" }
          - { id: dead-robot, kind: robot-webhook, webhook: "@setting:HUB_DEAD_ROBOT" }
          - { id: office, kind: app-chat, chatId: {{ChatId}} }
          - { id: coordinators, kind: app-users, roles: [coordinator], people: [chenjing] }
        units:
          - { id: a, name: 甲幼儿园 }
          - { id: b, name: 乙幼儿园 }
        people:
          - { userId: zhangwei, name: 张伟, unit: a, roles: [liaison] }
          - { userId: lina, name: 李娜, unit: a, roles: [liaison] }
          - { userId: wangfang, name: 王芳, unit: b, roles: [liaison, coordinator] }
          - { userId: chenjing, name: 陈静, roles: [leader] }
        reports:
          - id: weekly
            title: 周报
            cadence: weekly
            due: { from: start, days: 4, time: "17:00" }
            fields:
              - { id: progress, label: 本周进展, type: text, required: true }
        """;

    public async Task SendAsync(SendMessage message, CancellationToken cancellationToken) =>
        await Queue.SendMessageAsync(JsonSerializer.Serialize(message, OutboundJsonContext.Default.SendMessage), cancellationToken);

    public async Task<string> HubKeyAsync(CancellationToken cancellationToken) =>
        await First.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyScope.Hub, HubId, "test", DateTimeOffset.UtcNow, null, cancellationToken);

    /// <summary>The hub's outbox (today's, or <paramref name="date"/>'s as yyyy-MM-dd) as the API lists it.</summary>
    public async Task<IReadOnlyList<JsonElement>> OutboxAsync(string? date, CancellationToken cancellationToken)
    {
        var key = await HubKeyAsync(cancellationToken);
        var query = date is null ? "" : $"&date={date}";
        var items = await First.Http.GetFromJsonAsync<JsonElement>($"/api/hubs/{HubId}/outbox?code={Uri.EscapeDataString(key)}{query}", cancellationToken);
        return [.. items.EnumerateArray()];
    }

    public IReadOnlyList<RecordedMessage> Received(SimulatedChannel channel) => [.. WeCom.Messages.Where(m => m.Channel == channel)];

    /// <summary>When each member was sent an app message, by the simulator's clock: the <c>touser</c> of each, split.</summary>
    public ILookup<string, DateTimeOffset> AppMessageTimesByMember() =>
        Received(SimulatedChannel.App)
            .SelectMany(m => m.Body.GetProperty("touser").GetString()!.Split('|').Select(user => (User: user.ToLowerInvariant(), m.ReceivedAt)))
            .ToLookup(x => x.User, x => x.ReceivedAt);

    /// <summary>Until the queue holds no message, visible or not: every message was handled and deleted.</summary>
    public Task WaitUntilQueueEmptyAsync(CancellationToken cancellationToken) =>
        Polling.UntilAsync(async () => (await Queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount == 0, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await WeCom.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

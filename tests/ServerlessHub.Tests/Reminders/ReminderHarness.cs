using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Schedule;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Simulation;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Reminders;

/// <summary>
/// A private Azurite, the WeCom simulator and one or more local hosts on a settable clock, with a two-unit hub whose
/// weekly ladder reaches every kind of destination: app messages to liaisons, a members' robot, the office's app chat
/// and the leaders' robot. Queue hops are one second, so a step that the clock has reached goes out within seconds.
/// </summary>
internal sealed class ReminderHarness : IAsyncDisposable
{
    public const string HubId = "reminder-test-hub";
    public const string OfficeChat = "office2026";
    public const string MembersRobot = "members-robot-key";
    public const string LeadersRobot = "leaders-robot-key";
    private const int AgentId = 1000009;

    private readonly Azurite _azurite;
    private readonly List<HubInstance> _instances = [];

    private ReminderHarness(Azurite azurite, WeComSimulator weCom, SettableClock clock)
    {
        _azurite = azurite;
        WeCom = weCom;
        Clock = clock;
    }

    /// <summary>Monday 2026-11-23 10:00 Shanghai: 2026-W48 is open, due Friday 17:00.</summary>
    public static DateTimeOffset MondayMorning { get; } = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public WeComSimulator WeCom { get; }

    public SettableClock Clock { get; }

    public HubInstance First => _instances[0];

    public IReadOnlyList<HubInstance> Instances => _instances;

    public string ConnectionString => _azurite.ConnectionString;

    public static async Task<ReminderHarness> StartAsync(int instances = 1, CancellationToken cancellationToken = default)
    {
        var azurite = await Azurite.StartAsync(cancellationToken);
        var weCom = new WeComSimulator(new WeComSimulatorOptions
        {
            Apps = [new SimulatedApp { AgentId = AgentId, Secret = "reminder-secret" }],
            RobotKeys = [MembersRobot, LeadersRobot],
            Users = ["zhangwei", "lina", "liuyang", "wangfang", "chenjing"],
            Chats = [new PresetChat { ChatId = OfficeChat, AgentId = AgentId, Name = "协作体办公室", Members = ["wangfang", "chenjing"] }],
        });
        await weCom.StartAsync(0, cancellationToken);
        var harness = new ReminderHarness(azurite, weCom, new SettableClock(MondayMorning));
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
            ["Reminders:MaxQueueDelay"] = "00:00:01",
            ["WeCom:BaseUrl"] = weCom.BaseAddress.ToString(),
            ["HUB_SECRET"] = "reminder-secret",
            ["HUB_MEMBERS"] = MembersRobot,
            ["HUB_LEADERS"] = LeadersRobot,
        };
        for (var i = 0; i < instances; i++)
        {
            harness._instances.Add(await HubInstance.StartAsync(settings, services => services.AddSingleton<TimeProvider>(harness.Clock), cancellationToken: cancellationToken));
        }

        Assert.IsType<HubApplyResult.Applied>(await harness.First.Services.GetRequiredService<HubDefinitions>().ApplyAsync(Document, null, "test", cancellationToken));
        return harness;
    }

    public static readonly string Document = $$"""
        id: {{HubId}}
        name: 提醒测试协作体
        wecom:
          corpId: wwsimulatedcorp
          agentId: {{AgentId}}
          token: "@setting:HUB_TOKEN"
          encodingAesKey: "@setting:HUB_AES"
          secret: "@setting:HUB_SECRET"
        channels:
          - { id: members, kind: robot-webhook, webhook: "@setting:HUB_MEMBERS" }
          - { id: office, kind: app-chat, chatId: {{OfficeChat}} }
          - { id: leaders, kind: robot-webhook, webhook: "@setting:HUB_LEADERS" }
        units:
          - { id: a, name: 甲幼儿园 }
          - { id: b, name: 乙幼儿园 }
          - { id: c, name: 丙幼儿园 }
        people:
          - { userId: zhangwei, name: 张伟, unit: a, roles: [liaison] }
          - { userId: lina, name: 李娜, unit: b, roles: [liaison] }
          - { userId: liuyang, name: 刘洋, unit: c, roles: [liaison] }
          - { userId: wangfang, name: 王芳, roles: [coordinator] }
          - { userId: chenjing, name: 陈静, roles: [leader] }
        reports:
          - id: weekly
            title: 周报
            cadence: weekly
            due: { from: start, days: 4, time: "17:00" }
            fields:
              - { id: progress, label: 本周进展, type: text, required: true }
              - { id: plan, label: 下周计划, type: text, required: true }
            reminders:
              - { at: -1d, to: submitter }
              - { at: 0, to: submitter, channel: members }
              - { at: +1wd, to: coordinator, channel: office }
              - { at: +3wd, to: leader, channel: leaders }
        """;

    /// <summary>Runs the Tick timer function once, as the timer would, at the clock's time.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = First.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<TickFunction>(scope.ServiceProvider).RunAsync(new TimerInfo(), cancellationToken);
    }

    public void SetLocal(int month, int day, int hour, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

    public async Task<string> HubKeyAsync(CancellationToken cancellationToken) =>
        await First.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyScope.Hub, HubId, "test", Clock.GetUtcNow(), null, cancellationToken);

    public async Task SubmitAsync(string unit, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hubs/{HubId}/reports/weekly/periods/current/submissions")
        {
            Content = JsonContent.Create(new { unitId = unit, fields = new Dictionary<string, string> { ["progress"] = "完成", ["plan"] = "继续" } }),
        };
        request.Headers.Add("x-functions-key", key);
        using var response = await First.Http.SendAsync(request, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Records leave (请假) for a whole unit over the week's due date, through the API.</summary>
    public async Task RecordLeaveAsync(string unit, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hubs/{HubId}/leave")
        {
            Content = JsonContent.Create(new { unitId = unit, firstDay = "2026-11-26", lastDay = "2026-11-27", reason = "外出培训" }),
        };
        request.Headers.Add("x-functions-key", key);
        using var response = await First.Http.SendAsync(request, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Applies a new version of the hub definition mid-period.</summary>
    public async Task ApplyAsync(string document, CancellationToken cancellationToken) =>
        Assert.IsType<HubApplyResult.Applied>(await First.Services.GetRequiredService<HubDefinitions>().ApplyAsync(document, null, "test", cancellationToken));

    /// <summary>The period's reminders as the API lists them.</summary>
    public async Task<JsonElement> RemindersAsync(string key, CancellationToken cancellationToken) =>
        await First.Http.GetFromJsonAsync<JsonElement>($"/api/hubs/{HubId}/reports/weekly/periods/2026-W48/reminders?code={Uri.EscapeDataString(key)}", cancellationToken);

    public IReadOnlyList<RecordedMessage> AppMessagesTo(string userId) =>
        [.. WeCom.Messages.Where(m => m.Channel == SimulatedChannel.App && m.Recipients is { } to && to.Split(" / ")[0].Split('|').Contains(userId))];

    public IReadOnlyList<RecordedMessage> Posted(string destination) => [.. WeCom.Messages.Where(m => m.Destination == destination)];

    /// <summary>Until the outbound queue holds no message: everything queued so far was delivered.</summary>
    public Task WaitUntilDeliveredAsync(CancellationToken cancellationToken)
    {
        var outbound = new QueueClient(_azurite.ConnectionString, Outbound.OutboundQueues.QueueName);
        return Polling.UntilAsync(async () => (await outbound.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount == 0, cancellationToken);
    }

    /// <summary>
    /// Until no reminder is visible on the queue: what was due has been handled (steps still waiting for their time are
    /// invisible, hopping every second, and do not count).
    /// </summary>
    public Task WaitUntilRemindersDrainedAsync(CancellationToken cancellationToken)
    {
        var reminders = new QueueClient(_azurite.ConnectionString, ReminderScheduler.QueueName);
        return Polling.UntilAsync(async () => (await reminders.PeekMessagesAsync(1, cancellationToken)).Value.Length == 0, cancellationToken);
    }

    /// <summary>Puts a reminder on the queue as the tick would, e.g. a second copy of one already queued.</summary>
    public async Task EnqueueAsync(ReminderDue due, CancellationToken cancellationToken)
    {
        var queue = new QueueClient(_azurite.ConnectionString, ReminderScheduler.QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.SendMessageAsync(JsonSerializer.Serialize(due, ReminderJsonContext.Default.ReminderDue), cancellationToken);
    }

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

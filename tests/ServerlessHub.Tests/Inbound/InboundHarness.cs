using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Simulation;
using ServerlessHub.WeCom.Simulation.Members;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Inbound;

/// <summary>
/// The whole inbound loop on one machine: Azurite, the WeCom simulator (which also speaks as members), and one app
/// instance running the inbound and outbound queue functions, with a small two-unit hub whose app and AI bot point
/// their callbacks at the app. The app's clock is settable, and the simulator signs callbacks with the same clock.
/// </summary>
public sealed class InboundHarness : IAsyncLifetime
{
    public const string HubId = "inbound-test-hub";
    public const string CorpId = "wwinboundtest";
    public const int AgentId = 1000007;
    public const string Token = "InboundToken2026";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string BotToken = "BotToken2026";
    public const string BotAesKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";

    /// <summary>Monday 2026-11-23 10:00 in Shanghai: 2026-W48 is open, due Friday 17:00.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private Azurite? _azurite;

    public SettableClock Clock { get; } = new(MondayMorning);

    public WeComSimulator WeCom { get; private set; } = null!;

    public HubInstance App { get; private set; } = null!;

    public MemberCallbacks Members { get; private set; } = null!;

    public CallbackTarget Target { get; private set; } = null!;

    private readonly ILoggerProvider? _logs;

    private HttpClient _http = null!;

    public InboundHarness()
    {
    }

    /// <summary>A harness whose app also logs, at Information and above, to <paramref name="logs"/>.</summary>
    internal InboundHarness(ILoggerProvider logs) => _logs = logs;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _azurite = await Azurite.StartAsync(ct);
        WeCom = new WeComSimulator(new WeComSimulatorOptions
        {
            CorpId = CorpId,
            Apps = [new SimulatedApp { AgentId = AgentId, Secret = "inbound-app-secret" }],
            Users = ["zhangwei", "lina", "wangfang", "chenjing", "zhaolei"],
        });
        await WeCom.StartAsync(0, ct);
        App = await HubInstance.StartAsync(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
                ["WeCom:BaseUrl"] = WeCom.BaseAddress.ToString(),
                ["HUB_TOKEN"] = Token,
                ["HUB_AES"] = AesKey,
                ["HUB_SECRET"] = "inbound-app-secret",
                ["HUB_BOT_TOKEN"] = BotToken,
                ["HUB_BOT_AES"] = BotAesKey,
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                if (_logs is not null)
                {
                    services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information)
                        .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning)
                        .AddProvider(_logs));
                }
            },
            cancellationToken: ct);
        Assert.IsType<HubApplyResult.Applied>(await App.Services.GetRequiredService<HubDefinitions>().ApplyAsync(HubDocument, null, "test", ct));
        _http = new HttpClient();
        Members = new MemberCallbacks(_http, CorpId, Clock);
        Target = new CallbackTarget
        {
            Hub = HubId,
            AppCallbackUrl = new Uri(App.BaseAddress, $"/api/wecom/{HubId}/callback"),
            AgentId = AgentId,
            Token = Token,
            EncodingAesKey = AesKey,
            BotCallbackUrl = new Uri(App.BaseAddress, $"/api/wecom/{HubId}/bot"),
            BotId = "aibInboundTest",
            BotToken = BotToken,
            BotEncodingAesKey = BotAesKey,
        };
    }

    public static readonly string HubDocument = $$"""
        id: {{HubId}}
        name: 入站测试协作体
        wecom:
          corpId: {{CorpId}}
          agentId: {{AgentId}}
          token: "@setting:HUB_TOKEN"
          encodingAesKey: "@setting:HUB_AES"
          secret: "@setting:HUB_SECRET"
        aiBot:
          botId: aibInboundTest
          token: "@setting:HUB_BOT_TOKEN"
          encodingAesKey: "@setting:HUB_BOT_AES"
        units:
          - { id: a, name: 甲幼儿园 }
          - { id: b, name: 乙幼儿园 }
        people:
          - { userId: zhangwei, name: 张伟, unit: a, roles: [liaison] }
          - { userId: lina, name: 李娜, unit: b, roles: [liaison] }
          - { userId: wangfang, name: 王芳, roles: [coordinator] }
          - { userId: chenjing, name: 陈静, roles: [leader] }
        reports:
          - id: weekly
            title: 周报
            aliases: [本周进展]
            cadence: weekly
            due: { from: start, days: 4, time: "17:00" }
            fields:
              - { id: progress, label: 本周进展, aliases: [完成情况], type: text, required: true }
              - { id: problems, label: 存在问题, type: text }
              - { id: plan, label: 下周计划, type: text, required: true }
              - { id: sessions, label: 活动场次, type: number }
        """;

    /// <summary>
    /// Moves the clock to 10:00 Shanghai on the next Monday, so each test works in a week of its own and the clock only
    /// ever goes forward (the outbound rate limiter, like WeCom, assumes time does not run backwards).
    /// </summary>
    public DateTimeOffset NextWeek()
    {
        var monday = Clock.GetUtcNow().Date.AddDays(7 - (((int)Clock.GetUtcNow().DayOfWeek + 6) % 7));
        Clock.SetUtcNow(new DateTimeOffset(monday, TimeSpan.Zero).AddHours(2));
        return Clock.GetUtcNow();
    }

    /// <summary>The ISO week key of the clock's day in Shanghai, e.g. 2026-W49.</summary>
    public string WeekKey
    {
        get
        {
            var day = Clock.GetUtcNow().AddHours(8).DateTime;
            return $"{System.Globalization.ISOWeek.GetYear(day)}-W{System.Globalization.ISOWeek.GetWeekOfYear(day):D2}";
        }
    }

    public void Advance(TimeSpan by) => Clock.SetUtcNow(Clock.GetUtcNow() + by);

    public Task<CallbackResult> SayAsync(string from, string content, string? msgId = null) =>
        Members.SendAppTextAsync(Target, from, content, msgId, TestContext.Current.CancellationToken);

    /// <summary>Waits until the simulator has received a message to <paramref name="userId"/> beyond the first <paramref name="seen"/>, and returns it.</summary>
    public async Task<RecordedMessage> NextReplyToAsync(string userId, int seen)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var replies = RepliesTo(userId);
            if (replies.Count > seen)
            {
                return replies[seen];
            }

            await Task.Delay(50, limit.Token);
        }
    }

    public IReadOnlyList<RecordedMessage> RepliesTo(string userId) =>
        [.. WeCom.Messages.Where(m => m.Channel == SimulatedChannel.App && m.Recipients is { } to && to.Split(" / ")[0].Split('|').Contains(userId))];

    /// <summary>
    /// Until the inbound and outbound queues hold no message, visible or not: every callback so far was handled (a
    /// duplicate that met its twin in progress included, after its retry) and every reply delivered.
    /// </summary>
    public async Task WaitUntilQuietAsync()
    {
        var queues = new[] { Inbound.InboundChatFunction.QueueName, Outbound.OutboundQueues.QueueName }
            .Select(name => new Azure.Storage.Queues.QueueClient(_azurite!.ConnectionString, name)).ToList();
        await Polling.UntilAsync(async () =>
        {
            foreach (var queue in queues)
            {
                if ((await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount > 0)
                {
                    return false;
                }
            }

            return true;
        }, TestContext.Current.CancellationToken);
    }

    public async Task<StoredSubmission?> SubmissionAsync(string unit) =>
        await App.Services.GetRequiredService<SubmissionStore>().GetAsync(HubId, "weekly", WeekKey, unit, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.DisposeAsync();
        await WeCom.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

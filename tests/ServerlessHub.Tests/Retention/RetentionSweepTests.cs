using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Reminders;
using ServerlessHub.Schedule;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Storage.Inbound;
using ServerlessHub.Storage.Outbound;
using ServerlessHub.Storage.Runtime;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Testing;

namespace ServerlessHub.Retention;

/// <summary>The tick's retention sweep on Azurite, with the app's clock moved past each limit.</summary>
public sealed class RetentionSweepTests : IAsyncLifetime
{
    private const string HubId = "retention-hub";
    private const string WeekPartition = $"{HubId}|weekly|2026-W48";

    /// <summary>Monday 2026-11-23 10:00 Shanghai, on the hour in UTC: 2026-W48 is open.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly SettableClock _clock = new(T0);
    private Azurite _azurite = null!;
    private HubInstance _app = null!;

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(_ct);
        await StartAsync(new Dictionary<string, string?>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Sweep_InboundAndIdempotencyRowsPastSevenDays_AreDeletedNewerKept_SubmissionsAndRevisionsUntouched()
    {
        using var client = await ClientAsync();
        var inbound = Service<InboundReceiptStore>();
        await inbound.TryClaimAsync(HubId, "old-message", "q1", _clock.GetUtcNow(), _ct);
        await SendAsync(client, HttpMethod.Post, "submissions", """{"unitId":"a","fields":{"progress":"第一版"}}""", "old-key");
        _clock.SetUtcNow(T0.AddDays(3));
        await inbound.TryClaimAsync(HubId, "new-message", "q2", _clock.GetUtcNow(), _ct);
        await SendAsync(client, HttpMethod.Put, "submissions/a", """{"fields":{"progress":"第二版"}}""", "new-key");
        var submissionRows = (await RowKeysAsync(SubmissionStore.TableName, WeekPartition)).Where(r => !r.StartsWith("i|", StringComparison.Ordinal)).ToList();

        _clock.SetUtcNow(T0.AddDays(7).AddHours(1));
        await TickAsync();
        var inboundAfterFirst = await RowKeysAsync(InboundReceiptStore.TableName, HubId);
        var idempotencyAfterFirst = (await RowKeysAsync(SubmissionStore.TableName, WeekPartition)).Count(r => r.StartsWith("i|", StringComparison.Ordinal));
        _clock.SetUtcNow(T0.AddDays(3 + 7).AddHours(1));
        await TickAsync();

        Assert.Equal(["r|a|000001", "r|a|000002", "s|a"], submissionRows);
        Assert.Single(inboundAfterFirst);
        Assert.Equal(1, idempotencyAfterFirst);
        Assert.Empty(await RowKeysAsync(InboundReceiptStore.TableName, HubId));
        Assert.Equal(submissionRows, await RowKeysAsync(SubmissionStore.TableName, WeekPartition));
        var read = System.Text.Json.JsonDocument.Parse(await SendAsync(client, HttpMethod.Get, "submissions/a", null, null));
        Assert.Equal(2, read.RootElement.GetProperty("revisions").GetArrayLength());
    }

    [Fact]
    public async Task Sweep_RunClaimsPastThirtyDays_AreDeletedNewerKept()
    {
        var claims = Service<RunClaimStore>();
        var tick = RunClaimStore.TimerJob(TickFunction.Name);
        var urge = Urging.ClaimJob(HubId, "weekly", "2026-W48");
        await claims.TryClaimAsync(tick, T0, "old", _ct);
        await claims.TryClaimAsync(urge, T0, "old", _ct);
        await claims.TryClaimAsync(tick, T0.AddDays(10), "new", _ct);

        _clock.SetUtcNow(T0.AddDays(31));
        await TickAsync();

        Assert.Empty(await RowKeysAsync(RunClaimStore.TableName, $"{tick}|2026-11-23"));
        Assert.Empty(await RowKeysAsync(RunClaimStore.TableName, $"{urge}|2026-11-23"));
        Assert.Single(await RowKeysAsync(RunClaimStore.TableName, $"{tick}|2026-12-03"));
    }

    [Fact]
    public async Task Sweep_OutboxDaysPastNinetyDays_AreDeletedNewerKept()
    {
        var outbox = Service<OutboxStore>();
        await outbox.SaveAsync(Entry(new DateOnly(2026, 11, 23), "old#1"), _ct);
        await outbox.SaveAsync(Entry(new DateOnly(2027, 1, 10), "new#1"), _ct);

        _clock.SetUtcNow(T0.AddDays(92));
        await TickAsync();

        Assert.Empty(await outbox.ListAsync(HubId, new DateOnly(2026, 11, 23), _ct));
        Assert.Single(await outbox.ListAsync(HubId, new DateOnly(2027, 1, 10), _ct));
    }

    [Fact]
    public async Task Sweep_MoreRowsThanItsLimit_DeletesTheRestOnTheNextSweepNotOnEveryTick()
    {
        await _app.DisposeAsync();
        await StartAsync(new Dictionary<string, string?> { ["Retention:MaxDeletesPerSweep"] = "100" });
        var inbound = Service<InboundReceiptStore>();
        for (var i = 0; i < 150; i++)
        {
            await inbound.TryClaimAsync(HubId, $"message-{i}", "q", T0, _ct);
        }

        _clock.SetUtcNow(T0.AddDays(8));
        await TickAsync();
        var afterFirstSweep = (await RowKeysAsync(InboundReceiptStore.TableName, HubId)).Count;
        _clock.SetUtcNow(T0.AddDays(8).AddMinutes(30));
        await TickAsync();
        var afterTickWithinTheHour = (await RowKeysAsync(InboundReceiptStore.TableName, HubId)).Count;
        _clock.SetUtcNow(T0.AddDays(8).AddHours(1));
        await TickAsync();

        Assert.Equal(50, afterFirstSweep);
        Assert.Equal(50, afterTickWithinTheHour);
        Assert.Empty(await RowKeysAsync(InboundReceiptStore.TableName, HubId));
    }

    private async Task StartAsync(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = _azurite.ConnectionString;
        settings["LocalHost:RunTriggers"] = "false";
        _app = await HubInstance.StartAsync(settings, services => services.AddSingleton<TimeProvider>(_clock), cancellationToken: _ct);
        Assert.IsType<HubApplyResult.Applied>(await Service<HubDefinitions>().ApplyAsync(Document, null, "test", _ct));
    }

    private T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    private async Task TickAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<TickFunction>(scope.ServiceProvider).RunAsync(new TimerInfo(), _ct);
    }

    private async Task<HttpClient> ClientAsync()
    {
        var key = await Service<ApiKeyStore>().CreateAsync(ApiKeyScope.Hub, HubId, "test", _clock.GetUtcNow(), null, _ct);
        var client = new HttpClient { BaseAddress = _app.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    private async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, string? body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, $"/api/hubs/{HubId}/reports/weekly/periods/2026-W48/{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request, _ct);
        var text = await response.Content.ReadAsStringAsync(_ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {response.StatusCode} {text}");
        return text;
    }

    private async Task<List<string>> RowKeysAsync(string tableName, string partition)
    {
        var table = new TableServiceClient(_azurite.ConnectionString).GetTableClient(tableName);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: _ct))
        {
            rows.Add(row.RowKey);
        }

        return rows;
    }

    private static OutboxEntry Entry(DateOnly date, string deliveryId) =>
        new(HubId, date, deliveryId, "app:zhangsan", OutboxStatus.Sent, null, null, 1, T0, T0, [], [], null);

    private const string Document = $$"""
        id: {{HubId}}
        name: 保留期限测试
        timeZone: Asia/Shanghai
        units:
          - { id: a, name: 甲单位 }
        people:
          - { userId: zhangsan, name: 张三, unit: a, roles: [liaison, coordinator] }
        reports:
          - id: weekly
            title: 周报
            cadence: weekly
            due: { from: start, days: 4, time: "17:00" }
            fields:
              - { id: progress, label: 本周进展, type: text, required: true }
        """;
}

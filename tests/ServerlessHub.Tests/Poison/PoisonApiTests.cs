using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Inbound;
using ServerlessHub.Outbound;
using ServerlessHub.Storage.Inbound;
using ServerlessHub.Storage.Poison;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Poison;

/// <summary>
/// Poison messages through the admin API: a message whose every attempt fails lands in its poison queue with its body
/// and its recorded error, is listed, and once the cause is fixed is replayed and handled once.
/// </summary>
public sealed class PoisonApiTests(PoisonHarness harness) : IClassFixture<PoisonHarness>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task InboundMessage_FailingEveryAttempt_IsListedWithItsErrorAndReplayedOnceFixed()
    {
        using var admin = harness.Client(harness.AdminKey);
        var seen = harness.RepliesTo("zhangwei").Count;
        await harness.SayAsync("zhangwei", "帮助");
        await Polling.UntilAsync(() => harness.RepliesTo("zhangwei").Count > seen, _ct);
        seen = harness.RepliesTo("zhangwei").Count;

        // The cause: the table that claims each WeCom message is gone, so every attempt fails in storage (as it would
        // with a missing role assignment) until it is back.
        var claims = harness.Table(InboundReceiptStore.TableName);
        await claims.DeleteAsync(_ct);
        Assert.Equal(200, (await harness.SayAsync("zhangwei", "周报\n本周进展：完成户外游戏观察\n下周计划：整理观察记录")).Status);
        var poison = harness.Queue("inbound-poison");
        await Polling.UntilAsync(async () => (await poison.ExistsAsync(_ct)).Value && (await poison.PeekMessagesAsync(1, _ct)).Value.Length == 1, _ct);
        await harness.UntilEmptyAsync(InboundChatFunction.QueueName);

        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/manage/poison/inbound", _ct)).GetProperty("messages").EnumerateArray());
        var id = listed.GetProperty("id").GetString()!;
        using (var body = JsonDocument.Parse(listed.GetProperty("body").GetString()!))
        {
            Assert.Equal(InboundHarness.HubId, body.RootElement.GetProperty("hubId").GetString());
            Assert.Contains("本周进展：完成户外游戏观察", body.RootElement.GetProperty("payload").GetString(), StringComparison.Ordinal);
        }

        var error = listed.GetProperty("error");
        Assert.Equal("Azure.RequestFailedException", error.GetProperty("type").GetString());
        Assert.StartsWith("Storage answered 404", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, error.GetProperty("attempts").GetInt64());
        Assert.DoesNotContain("户外", error.GetRawText(), StringComparison.Ordinal);

        // Another id leaves the message where it is, visible to the next list.
        var other = await ReplayAsync(admin, "inbound", """{"messageIds":["not-a-poison-message"]}""");
        Assert.Empty(other.GetProperty("replayed").EnumerateArray());
        Assert.Equal(["not-a-poison-message"], other.GetProperty("notFound").EnumerateArray().Select(i => i.GetString()));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/manage/poison/inbound", _ct)).GetProperty("messages").EnumerateArray());

        await claims.CreateIfNotExistsAsync(_ct);
        var replay = await ReplayAsync(admin, "inbound", $$"""{"messageIds":["{{id}}"]}""");

        Assert.Equal([id], replay.GetProperty("replayed").EnumerateArray().Select(i => i.GetString()));
        Assert.Empty(replay.GetProperty("notFound").EnumerateArray());
        await Polling.UntilAsync(() => harness.RepliesTo("zhangwei").Count > seen, _ct);
        await harness.UntilEmptyAsync(InboundChatFunction.QueueName);
        await harness.UntilEmptyAsync(OutboundQueues.QueueName);
        Assert.Contains("按期", harness.RepliesTo("zhangwei")[seen].Content, StringComparison.Ordinal);
        Assert.Equal(seen + 1, harness.RepliesTo("zhangwei").Count);
        var stored = await harness.App.Services.GetRequiredService<SubmissionStore>().GetAsync(InboundHarness.HubId, "weekly", "2026-W48", "a", _ct);
        Assert.Equal(1, stored!.Submission.Revision);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/manage/poison/inbound", _ct)).GetProperty("messages").EnumerateArray());
        Assert.Empty((await poison.PeekMessagesAsync(32, _ct)).Value);
        Assert.Empty(harness.Table(PoisonErrorStore.TableName).Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "inbound", cancellationToken: _ct));
    }

    [Fact]
    public async Task OutboundMessageForHubNotYetApplied_IsReplayedAndDeliveredOnceTheHubExists()
    {
        using var admin = harness.Client(harness.AdminKey);
        const string later = "later-hub";
        var text = $$"""{"hubId":"{{later}}","deliveryId":"poison-replay-1","to":{"kind":"People","userIds":["lina"]},"format":"Text","content":"补发：请于周五前报送周报"}""";
        await harness.Queue(OutboundQueues.QueueName).SendMessageAsync(text, _ct);
        var poison = harness.Queue(OutboundQueues.PoisonQueueName);
        await Polling.UntilAsync(async () => (await poison.ExistsAsync(_ct)).Value && (await poison.PeekMessagesAsync(1, _ct)).Value.Length == 1, _ct);

        // The outbound function copies what can never be delivered itself, with the reason inside the body.
        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/manage/poison/outbound?max=5", _ct)).GetProperty("messages").EnumerateArray());
        using (var body = JsonDocument.Parse(listed.GetProperty("body").GetString()!))
        {
            Assert.Equal("unknown-hub", body.RootElement.GetProperty("error").GetProperty("reason").GetString());
        }

        var document = InboundHarness.HubDocument.Replace($"id: {InboundHarness.HubId}", $"id: {later}", StringComparison.Ordinal);
        Assert.IsType<HubApplyResult.Applied>(await harness.App.Services.GetRequiredService<HubDefinitions>().ApplyAsync(document, null, "test", _ct));
        var replay = await ReplayAsync(admin, "outbound", null);

        Assert.Equal([listed.GetProperty("id").GetString()], replay.GetProperty("replayed").EnumerateArray().Select(i => i.GetString()));
        await Polling.UntilAsync(() => harness.RepliesTo("lina").Any(m => m.Content.Contains("补发", StringComparison.Ordinal)), _ct);
        await harness.UntilEmptyAsync(OutboundQueues.QueueName);
        Assert.Single(harness.RepliesTo("lina"), m => m.Content.Contains("补发", StringComparison.Ordinal));
        Assert.Empty((await poison.PeekMessagesAsync(32, _ct)).Value);
    }

    [Theory]
    [InlineData("GET", "/api/manage/poison/tick")]
    [InlineData("POST", "/api/manage/poison/inbound-poison/replay")]
    public async Task UnknownQueue_Is404ProblemInChineseOrEnglish(string method, string path)
    {
        using var chinese = harness.Client(harness.AdminKey);
        using var english = harness.Client(harness.AdminKey, "en");

        using var zh = await chinese.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), _ct);
        using var en = await english.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), _ct);

        Assert.Equal(HttpStatusCode.NotFound, zh.StatusCode);
        Assert.Equal("application/problem+json", zh.Content.Headers.ContentType?.MediaType);
        Assert.Contains("没有队列", (await zh.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("There is no poison queue", (await en.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/manage/poison/inbound")]
    [InlineData("POST", "/api/manage/poison/inbound/replay")]
    public async Task WithoutAnAdminKey_IsRefused(string method, string path)
    {
        using var none = harness.Client(null);
        using var hubKey = harness.Client(harness.HubKey);

        using var missing = await none.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), _ct);
        using var forbidden = await hubKey.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/manage/poison/reminders?max=33")]
    [InlineData("/api/manage/poison/reminders?max=0")]
    [InlineData("/api/manage/poison/reminders?max=all")]
    public async Task List_MaxOutOfRange_Is400(string path)
    {
        using var admin = harness.Client(harness.AdminKey);

        using var response = await admin.GetAsync(path, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("max", (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"messageIds":[]}""")]
    [InlineData("""{"messageIds":[""]}""")]
    [InlineData("""{"ids":["a"]}""")]
    public async Task Replay_BadMessageIds_Is400(string body)
    {
        using var admin = harness.Client(harness.AdminKey);

        using var response = await admin.PostAsync("/api/manage/poison/reminders/replay", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> ReplayAsync(HttpClient admin, string queue, string? body)
    {
        using var response = await admin.PostAsync($"/api/manage/poison/{queue}/replay", body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"), _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
    }
}

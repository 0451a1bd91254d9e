using Microsoft.Extensions.Time.Testing;

namespace ServerlessHub.WeCom.Api;

public sealed class WeComAppClientTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task SendTextAsync_SimulatorRecordsDocumentedBody()
    {
        var agentId = fixture.NewApp();
        var recipients = new WeComRecipients(["zhangwei", "lina"], ["2"]);

        var receipt = await fixture.AppClient(agentId).SendTextAsync(recipients, "您有一份周报待提交。", TestContext.Current.CancellationToken);

        Assert.NotNull(receipt.MessageId);
        Assert.True(receipt.ReachedEveryone);
        SimulatorFixture.AssertJsonEqual(
            $$$"""{"touser":"zhangwei|lina","toparty":"2","msgtype":"text","agentid":{{{agentId}}},"text":{"content":"您有一份周报待提交。"},"safe":0}""",
            Assert.Single(fixture.MessagesTo(SimulatorFixture.AppDestination(agentId))).Body);
    }

    [Fact]
    public async Task SendMarkdownAsync_SimulatorRecordsDocumentedBody()
    {
        var agentId = fixture.NewApp();

        await fixture.AppClient(agentId).SendMarkdownAsync(
            new WeComRecipients(tagIds: ["1"]), "**催报**：请尽快提交月通报", TestContext.Current.CancellationToken);

        SimulatorFixture.AssertJsonEqual(
            $$$"""{"totag":"1","msgtype":"markdown","agentid":{{{agentId}}},"markdown":{"content":"**催报**：请尽快提交月通报"}}""",
            Assert.Single(fixture.MessagesTo(SimulatorFixture.AppDestination(agentId))).Body);
    }

    [Fact]
    public async Task AppChat_SendEachType_SimulatorRecordsDocumentedBodies()
    {
        var agentId = fixture.NewApp();
        var client = fixture.AppClient(agentId);
        var cancellationToken = TestContext.Current.CancellationToken;
        var chatId = $"hubleaders{agentId}";
        await fixture.CreateChatAsync(agentId, chatId, "领导小组", ["zhangwei", "lina", "wangfang"], cancellationToken);

        await client.SendChatTextAsync(chatId, "本周简报已发布", cancellationToken);
        await client.SendChatMarkdownAsync(chatId, "## 本周简报\n按期报送率 92%", cancellationToken);

        var messages = fixture.MessagesTo(chatId);
        Assert.Equal(2, messages.Count);
        SimulatorFixture.AssertJsonEqual(
            $$$"""{"chatid":"{{{chatId}}}","msgtype":"text","text":{"content":"本周简报已发布"},"safe":0}""", messages[0].Body);
        SimulatorFixture.AssertJsonEqual(
            $$$"""{"chatid":"{{{chatId}}}","msgtype":"markdown","markdown":{"content":"## 本周简报\n按期报送率 92%"}}""", messages[1].Body);
    }

    [Fact]
    public async Task SendTextAsync_ManySends_FetchesOneToken()
    {
        var agentId = fixture.NewApp();
        var client = fixture.AppClient(agentId);

        for (var i = 0; i < 5; i++)
        {
            await client.SendTextAsync(WeComRecipients.Users("zhangwei"), $"第{i + 1}条", TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, fixture.Simulator.Tokens.TokenRequests(agentId));
        Assert.Equal(5, fixture.MessagesTo(SimulatorFixture.AppDestination(agentId)).Count);
    }

    [Fact]
    public async Task SendTextAsync_TokenExpiredAtWeCom_RefreshesOnceAndSucceeds()
    {
        var agentId = fixture.NewApp();
        var client = fixture.AppClient(agentId);
        await client.SendTextAsync(WeComRecipients.Users("lina"), "第一条", TestContext.Current.CancellationToken);
        fixture.Simulator.Tokens.Expire(agentId);

        await client.SendTextAsync(WeComRecipients.Users("lina"), "第二条", TestContext.Current.CancellationToken);

        Assert.Equal(2, fixture.Simulator.Tokens.TokenRequests(agentId));
        Assert.Equal(["第一条", "第二条"], fixture.MessagesTo(SimulatorFixture.AppDestination(agentId)).Select(m => m.Content));
    }

    [Fact]
    public async Task SendMarkdownAsync_TokenInvalidatedAtWeCom_RefreshesOnceAndSucceeds()
    {
        var agentId = fixture.NewApp();
        var client = fixture.AppClient(agentId);
        await client.SendMarkdownAsync(WeComRecipients.Users("lina"), "第一条", TestContext.Current.CancellationToken);
        fixture.Simulator.Tokens.Invalidate(agentId);

        await client.SendMarkdownAsync(WeComRecipients.Users("lina"), "第二条", TestContext.Current.CancellationToken);

        Assert.Equal(2, fixture.Simulator.Tokens.TokenRequests(agentId));
        Assert.Equal(2, fixture.MessagesTo(SimulatorFixture.AppDestination(agentId)).Count);
    }

    [Fact]
    public async Task SendTextAsync_ConcurrentCallersAfterExpiry_ShareOneRefresh()
    {
        var agentId = fixture.NewApp();
        var client = fixture.AppClient(agentId);
        await client.SendTextAsync(WeComRecipients.Users("wangfang"), "预热", TestContext.Current.CancellationToken);
        fixture.Simulator.Tokens.Expire(agentId);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            client.SendTextAsync(WeComRecipients.Users("wangfang"), $"并发{i}", TestContext.Current.CancellationToken)));

        Assert.Equal(2, fixture.Simulator.Tokens.TokenRequests(agentId));
        Assert.Equal(13, fixture.MessagesTo(SimulatorFixture.AppDestination(agentId)).Count);
    }

    [Fact]
    public async Task SendTextAsync_ConcurrentFirstCallers_ShareOneFetch()
    {
        var agentId = fixture.NewApp();
        var client = fixture.AppClient(agentId);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            client.SendTextAsync(WeComRecipients.Users("liuyang"), $"并发{i}", TestContext.Current.CancellationToken)));

        Assert.Equal(1, fixture.Simulator.Tokens.TokenRequests(agentId));
    }

    [Fact]
    public async Task SendTextAsync_CachedTokenReachesRefreshMargin_FetchesANewOne()
    {
        var agentId = fixture.NewApp();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero));
        var client = fixture.AppClient(agentId, time);
        await client.SendTextAsync(WeComRecipients.Users("chenjing"), "第一条", TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromSeconds(7200 - 300 - 1));
        await client.SendTextAsync(WeComRecipients.Users("chenjing"), "第二条", TestContext.Current.CancellationToken);
        var beforeMargin = fixture.Simulator.Tokens.TokenRequests(agentId);
        time.Advance(TimeSpan.FromSeconds(1));
        await client.SendTextAsync(WeComRecipients.Users("chenjing"), "第三条", TestContext.Current.CancellationToken);

        Assert.Equal(1, beforeMargin);
        Assert.Equal(2, fixture.Simulator.Tokens.TokenRequests(agentId));
    }

    [Fact]
    public async Task SendTextAsync_SomeRecipientsUnknown_ReturnsThemLowerCased()
    {
        var agentId = fixture.NewApp();

        var receipt = await fixture.AppClient(agentId).SendTextAsync(
            new WeComRecipients(["zhangwei", "NoSuchUser"], ["2", "99"]), "通知", TestContext.Current.CancellationToken);

        Assert.Equal(["nosuchuser"], receipt.InvalidUserIds);
        Assert.Equal(["99"], receipt.InvalidPartyIds);
        Assert.False(receipt.ReachedEveryone);
    }

    [Fact]
    public async Task SendTextAsync_EveryRecipientUnknown_ThrowsAllRecipientsInvalid()
    {
        var agentId = fixture.NewApp();

        var ex = await Assert.ThrowsAsync<WeComApiException>(() => fixture.AppClient(agentId).SendTextAsync(
            WeComRecipients.Users("ghost1", "ghost2"), "通知", TestContext.Current.CancellationToken));

        Assert.Equal(WeComErrorCodes.AllRecipientsInvalid, ex.ErrorCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task SendTextAsync_WrongSecret_ThrowsInvalidSecretWithoutTheSecret()
    {
        var agentId = fixture.NewApp();
        const string secret = "not-the-secret-9f8e7d";
        var client = new WeComAppClient(SimulatorFixture.CorpId, secret, agentId, fixture.Http, fixture.ClientOptions(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<WeComApiException>(
            () => client.SendTextAsync(WeComRecipients.Users("zhangwei"), "通知", TestContext.Current.CancellationToken));

        Assert.Equal(WeComErrorCodes.InvalidSecret, ex.ErrorCode);
        Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("不合法的secret参数", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMarkdownAsync_ContentOverAppLimit_ThrowsBeforeCallingWeCom()
    {
        var agentId = fixture.NewApp();
        var content = new string('报', WeComContentLimits.AppMarkdownBytes / 3 + 1);

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.AppClient(agentId).SendMarkdownAsync(
            WeComRecipients.Users("zhangwei"), content, TestContext.Current.CancellationToken));

        Assert.Equal(0, fixture.Simulator.Tokens.TokenRequests(agentId));
    }
}

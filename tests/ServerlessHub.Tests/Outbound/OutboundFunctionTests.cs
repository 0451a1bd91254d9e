using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServerlessHub.WeCom.Api;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Outbound;

public sealed class OutboundFunctionTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachDestinationKind_PostsTheDocumentedBodyWithOneAccessToken()
    {
        await using var harness = await OutboundHarness.StartAsync(cancellationToken: _ct);
        var tokensBefore = harness.WeCom.Tokens.TokenRequests(OutboundHarness.AgentId);
        var responseUrl = harness.WeCom.IssueResponseUrl();

        await harness.SendAsync(new SendMessage(harness.HubId, "robot-md", Destination.Channel("robot"), MessageFormat.Markdown, "## 周报提醒\n请于本周五 17:00 前提交。"), _ct);
        await harness.SendAsync(new SendMessage(harness.HubId, "robot-text", Destination.Channel("robot-url"), MessageFormat.Text, "请各单位提交周报。", ["zhangwei"]), _ct);
        await harness.SendAsync(new SendMessage(harness.HubId, "people", Destination.People("zhangwei", "nobody"), MessageFormat.Text, "您的周报尚未提交。"), _ct);
        await harness.SendAsync(new SendMessage(harness.HubId, "liaisons", Destination.Liaisons("a"), MessageFormat.Markdown, "**甲幼儿园**周报未交"), _ct);
        await harness.SendAsync(new SendMessage(harness.HubId, "chat", Destination.Channel("office"), MessageFormat.Text, "本周报送率 80%"), _ct);
        await harness.SendAsync(new SendMessage(harness.HubId, "users", Destination.Channel("coordinators"), MessageFormat.Markdown, "乙幼儿园逾期未报"), _ct);
        await harness.SendAsync(new SendMessage(harness.HubId, "bot", Destination.BotResponse(responseUrl.ToString()), MessageFormat.Text, "已收到您的周报。"), _ct);
        await Polling.UntilAsync(() => harness.WeCom.Messages.Count >= 7, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var robot = harness.Received(SimulatedChannel.Robot);
        var markdown = Assert.Single(robot, m => m.MessageType == "markdown").Body;
        Assert.Equal("## 周报提醒\n请于本周五 17:00 前提交。", markdown.GetProperty("markdown").GetProperty("content").GetString());
        var text = Assert.Single(robot, m => m.MessageType == "text").Body.GetProperty("text");
        Assert.Equal("请各单位提交周报。", text.GetProperty("content").GetString());
        Assert.Equal(["zhangwei"], text.GetProperty("mentioned_list").EnumerateArray().Select(e => e.GetString()));
        Assert.All(robot, m => Assert.Equal(harness.RobotKey, m.Destination));

        var app = harness.Received(SimulatedChannel.App);
        var people = Assert.Single(app, m => m.Recipients!.Contains("nobody", StringComparison.Ordinal)).Body;
        Assert.Equal("zhangwei|nobody", people.GetProperty("touser").GetString());
        Assert.Equal(OutboundHarness.AgentId, people.GetProperty("agentid").GetInt32());
        Assert.Equal("text", people.GetProperty("msgtype").GetString());
        Assert.Equal("您的周报尚未提交。", people.GetProperty("text").GetProperty("content").GetString());
        var liaisons = Assert.Single(app, m => m.MessageType == "markdown" && m.Content.Contains("甲幼儿园", StringComparison.Ordinal)).Body;
        Assert.Equal("zhangwei|lina", liaisons.GetProperty("touser").GetString());
        var users = Assert.Single(app, m => m.Content == "乙幼儿园逾期未报").Body;
        Assert.Equal(["chenjing", "wangfang"], users.GetProperty("touser").GetString()!.Split('|').Order());

        var chat = Assert.Single(harness.Received(SimulatedChannel.AppChat)).Body;
        Assert.Equal(OutboundHarness.ChatId, chat.GetProperty("chatid").GetString());
        Assert.Equal("本周报送率 80%", chat.GetProperty("text").GetProperty("content").GetString());

        var bot = Assert.Single(harness.Received(SimulatedChannel.AiBotResponse)).Body;
        Assert.Equal("markdown", bot.GetProperty("msgtype").GetString());
        Assert.Equal("已收到您的周报。", bot.GetProperty("markdown").GetProperty("content").GetString());

        Assert.Equal(tokensBefore + 1, harness.WeCom.Tokens.TokenRequests(OutboundHarness.AgentId));
        var outbox = await OutboxAsync(harness, null);
        Assert.All(outbox, item => Assert.Equal("sent", item.GetProperty("status").GetString()));
        var receipt = Assert.Single(outbox, item => item.GetProperty("deliveryId").GetString() == "people#1");
        Assert.Equal(["nobody"], receipt.GetProperty("invalidUsers").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AppToken_ExpiredBetweenSends_RefreshedOnceAndBothDelivered()
    {
        await using var harness = await OutboundHarness.StartAsync(cancellationToken: _ct);
        await harness.SendAsync(new SendMessage(harness.HubId, "first", Destination.People("zhangwei"), MessageFormat.Text, "第一条"), _ct);
        await Polling.UntilAsync(() => harness.WeCom.Messages.Count == 1, _ct);

        harness.WeCom.Tokens.Expire(OutboundHarness.AgentId);
        await harness.SendAsync(new SendMessage(harness.HubId, "second", Destination.People("zhangwei"), MessageFormat.Text, "第二条"), _ct);
        await Polling.UntilAsync(() => harness.WeCom.Messages.Count == 2, _ct);

        Assert.Equal(["第一条", "第二条"], harness.WeCom.Messages.Select(m => m.Content));
        Assert.Equal(2, harness.WeCom.Tokens.TokenRequests(OutboundHarness.AgentId));
    }

    [Fact]
    public async Task LongChineseMarkdown_ArrivesAsOrderedPartsEachWithinTheRobotLimit()
    {
        await using var harness = await OutboundHarness.StartAsync(cancellationToken: _ct);
        var content = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"## 第{i}项 秣陵中心幼儿园\n本周开展课程游戏化教研活动{i}场，完成区域环境创设，家长开放日反响良好。存在问题：户外场地不足；下周计划：继续推进。"));
        Assert.True(Encoding.UTF8.GetByteCount(content) > 3 * WeComContentLimits.RobotMarkdownBytes);

        await harness.SendAsync(new SendMessage(harness.HubId, "digest", Destination.Channel("robot"), MessageFormat.Markdown, content), _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var parts = harness.Received(SimulatedChannel.Robot).Select(m => m.Content).ToList();
        Assert.True(parts.Count >= 4);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(parts, part =>
        {
            var bytes = strict.GetBytes(part);
            Assert.InRange(bytes.Length, 1, WeComContentLimits.RobotMarkdownBytes);
            Assert.Equal(part, strict.GetString(bytes));
        });
        Assert.Equal(Enumerable.Range(1, parts.Count).Select(i => $"（{i}/{parts.Count}）"), parts.Select(p => p[..p.IndexOf('\n', StringComparison.Ordinal)]));
        Assert.Equal(content, string.Concat(parts.Select(p => p[(p.IndexOf('\n', StringComparison.Ordinal) + 1)..])));
    }

    [Fact]
    public async Task Robot_25MessagesAtOnce_AllArriveInWindowsOfAtMost20()
    {
        var window = TimeSpan.FromSeconds(2);
        await using var harness = await OutboundHarness.StartAsync(rateWindow: window, maxWait: "00:00:00.500", cancellationToken: _ct);

        for (var i = 1; i <= 25; i++)
        {
            await harness.SendAsync(new SendMessage(harness.HubId, $"burst-{i}", Destination.Channel("robot"), MessageFormat.Text, $"第{i}条提醒"), _ct);
        }

        await Polling.UntilAsync(() => harness.WeCom.Messages.Count >= 25, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        AssertWithinLimit(harness.Received(SimulatedChannel.Robot), 20, window);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"第{i}条提醒").Order(), harness.WeCom.Messages.Select(m => m.Content).Order());
        Assert.All(await OutboxAsync(harness, null), item => Assert.Equal("sent", item.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Robot_TwoInstancesSendingTogether_StayWithinTheLimit()
    {
        var window = TimeSpan.FromSeconds(2);
        await using var harness = await OutboundHarness.StartAsync(instances: 2, rateWindow: window, cancellationToken: _ct);

        for (var i = 1; i <= 45; i++)
        {
            await harness.SendAsync(new SendMessage(harness.HubId, $"pair-{i}", Destination.Channel(i % 2 == 0 ? "robot" : "robot-url"), MessageFormat.Text, $"第{i}条"), _ct);
        }

        await Polling.UntilAsync(() => harness.WeCom.Messages.Count >= 45, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        AssertWithinLimit(harness.Received(SimulatedChannel.Robot), 20, window);
        Assert.Equal(45, harness.WeCom.Messages.Select(m => m.Content).Distinct().Count());
    }

    [Fact]
    public async Task FrequencyLimitMidMessage_RetriedMessageSendsOnlyTheRemainingParts()
    {
        var window = TimeSpan.FromSeconds(2);
        await using var harness = await OutboundHarness.StartAsync(rateWindow: window, cancellationToken: _ct);
        using var http = new HttpClient();
        var other = new WeComRobotClient(harness.RobotKey, http, new WeComClientOptions { BaseUri = harness.WeCom.BaseAddress });
        // Another sender shares the robot: 19 of its 20 sends are used, so part 1 goes through and part 2 meets 45009.
        for (var i = 0; i < 19; i++)
        {
            await other.SendTextAsync($"其他系统消息{i}", cancellationToken: _ct);
        }

        var content = string.Join("\n", Enumerable.Range(1, 3).Select(i => new string('报', 600) + i));
        await harness.SendAsync(new SendMessage(harness.HubId, "resume", Destination.Channel("robot"), MessageFormat.Text, content), _ct);
        await Polling.UntilAsync(() => harness.WeCom.Messages.Count >= 22, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var parts = harness.Received(SimulatedChannel.Robot).Skip(19).Select(m => m.Content).ToList();
        Assert.Equal(["（1/3）", "（2/3）", "（3/3）"], parts.Select(p => p[..p.IndexOf('\n', StringComparison.Ordinal)]));
        var outbox = await OutboxAsync(harness, null);
        Assert.Equal(1, Item(outbox, "resume#1").GetProperty("attempts").GetInt32());
        Assert.Equal(2, Item(outbox, "resume#2").GetProperty("attempts").GetInt32());
        Assert.All(outbox, item => Assert.Equal("sent", item.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task DeliveredMessageEnqueuedAgain_SendsNothingTwice()
    {
        await using var harness = await OutboundHarness.StartAsync(cancellationToken: _ct);
        var message = new SendMessage(harness.HubId, "twice", Destination.Channel("robot"), MessageFormat.Markdown, "# 周报汇总\n" + new string('汇', 2000));
        await harness.SendAsync(message, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);
        var first = harness.WeCom.Messages.Count;

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await harness.SendAsync(message with { OutboxDate = today }, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        Assert.Equal(2, first);
        Assert.Equal(first, harness.WeCom.Messages.Count);
        Assert.All(await OutboxAsync(harness, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), item => Assert.Equal(1, item.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task InvalidWebhook_LandsInPoisonWithErrcodeAndShowsInTheOutbox()
    {
        await using var harness = await OutboundHarness.StartAsync(cancellationToken: _ct);

        await harness.SendAsync(new SendMessage(harness.HubId, "dead", Destination.Channel("dead-robot"), MessageFormat.Text, "这条发不出去"), _ct);
        await Polling.UntilAsync(async () => await harness.Poison.ExistsAsync(_ct) && (await harness.Poison.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount > 0, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var poisoned = Assert.Single((await harness.Poison.ReceiveMessagesAsync(10, cancellationToken: _ct)).Value);
        Assert.Equal(1, poisoned.DequeueCount);
        using var body = JsonDocument.Parse(poisoned.Body.ToString());
        Assert.Equal("dead", body.RootElement.GetProperty("deliveryId").GetString());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(93000, error.GetProperty("errcode").GetInt32());
        Assert.Equal("refused", error.GetProperty("reason").GetString());
        Assert.Equal("dead#1", error.GetProperty("deliveryId").GetString());

        var item = Item(await OutboxAsync(harness, null), "dead#1");
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.Equal(93000, item.GetProperty("errcode").GetInt32());
        Assert.Equal("群机器人渠道 dead-robot", item.GetProperty("destination").GetString());
        Assert.Empty(harness.WeCom.Messages);
    }

    [Theory]
    [InlineData("这不是 JSON", "malformed")]
    [InlineData("""{"hubId":"no-such-hub","deliveryId":"x","to":{"kind":"People","userIds":["zhangwei"]},"format":"Text","content":"你好"}""", "unknown-hub")]
    [InlineData("""{"hubId":"HUB","deliveryId":"x","to":{"kind":"Channel","channelId":"nowhere"},"format":"Text","content":"你好"}""", "unresolved")]
    public async Task UndeliverableMessage_PoisonedAtOnceWithTheReason(string text, string reason)
    {
        await using var harness = await OutboundHarness.StartAsync(cancellationToken: _ct);

        await harness.Queue.SendMessageAsync(text.Replace("HUB", harness.HubId, StringComparison.Ordinal), _ct);
        await Polling.UntilAsync(async () => await harness.Poison.ExistsAsync(_ct) && (await harness.Poison.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount > 0, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var poisoned = Assert.Single((await harness.Poison.ReceiveMessagesAsync(10, cancellationToken: _ct)).Value);
        using var body = JsonDocument.Parse(poisoned.Body.ToString());
        Assert.Equal(reason, body.RootElement.GetProperty("error").GetProperty("reason").GetString());
        Assert.Empty(harness.WeCom.Messages);
    }

    [Fact]
    public async Task BotResponseUsedTwice_SecondIsRefusedAndPoisoned()
    {
        await using var harness = await OutboundHarness.StartAsync(cancellationToken: _ct);
        var url = harness.WeCom.IssueResponseUrl().ToString();

        await harness.SendAsync(new SendMessage(harness.HubId, "reply-1", Destination.BotResponse(url), MessageFormat.Markdown, "第一次回复"), _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);
        await harness.SendAsync(new SendMessage(harness.HubId, "reply-2", Destination.BotResponse(url), MessageFormat.Markdown, "第二次回复"), _ct);
        await Polling.UntilAsync(async () => await harness.Poison.ExistsAsync(_ct) && (await harness.Poison.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount > 0, _ct);

        Assert.Equal(["第一次回复"], harness.Received(SimulatedChannel.AiBotResponse).Select(m => m.Content));
        var item = Item(await OutboxAsync(harness, null), "reply-2#1");
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.DoesNotContain("response_code", item.GetProperty("destination").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboxApi_BadDateOrNoKey_AnswersProblemJson()
    {
        await using var harness = await OutboundHarness.StartAsync(cancellationToken: _ct);
        var key = await harness.HubKeyAsync(_ct);

        using var badDate = new HttpRequestMessage(HttpMethod.Get, $"/api/hubs/{harness.HubId}/outbox?date=2026-13-01");
        badDate.Headers.Add("x-functions-key", key);
        badDate.Headers.AcceptLanguage.ParseAdd("en");
        using var badDateResponse = await harness.First.Http.SendAsync(badDate, _ct);
        using var noKeyResponse = await harness.First.Http.GetAsync($"/api/hubs/{harness.HubId}/outbox", _ct);

        Assert.Equal(HttpStatusCode.BadRequest, badDateResponse.StatusCode);
        Assert.Equal("application/problem+json", badDateResponse.Content.Headers.ContentType?.MediaType);
        var problem = await badDateResponse.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Contains("2026-13-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, noKeyResponse.StatusCode);
    }

    private static void AssertWithinLimit(IReadOnlyList<RecordedMessage> received, int limit, TimeSpan window)
    {
        var times = received.Select(m => m.ReceivedAt).Order().ToList();
        for (var i = limit; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - limit] >= window, $"Messages {i - limit + 1} and {i + 1} arrived {(times[i] - times[i - limit]).TotalMilliseconds:0} ms apart, within one {window.TotalSeconds} s window.");
        }
    }

    private static JsonElement Item(IReadOnlyList<JsonElement> outbox, string deliveryId) =>
        Assert.Single(outbox, item => item.GetProperty("deliveryId").GetString() == deliveryId);

    private Task<IReadOnlyList<JsonElement>> OutboxAsync(OutboundHarness harness, string? date) => harness.OutboxAsync(date, _ct);
}

using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ServerlessHub.WeCom.Simulation;

namespace ServerlessHub.WeCom.Api;

public sealed class WeComRobotClientTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task SendTextAsync_WithMentions_SimulatorRecordsDocumentedBody()
    {
        var key = fixture.NewRobotKey();

        await fixture.RobotClient(key).SendTextAsync(
            "请各单位于周五17:00前提交本周周报。", ["zhangwei", "@all"], ["13800001111"], TestContext.Current.CancellationToken);

        var message = Assert.Single(fixture.MessagesTo(key));
        SimulatorFixture.AssertJsonEqual(
            """
            {"msgtype":"text","text":{"content":"请各单位于周五17:00前提交本周周报。","mentioned_list":["zhangwei","@all"],"mentioned_mobile_list":["13800001111"]}}
            """,
            message.Body);
    }

    [Fact]
    public async Task SendTextAsync_WithoutMentions_OmitsMentionLists()
    {
        var key = fixture.NewRobotKey();

        await fixture.RobotClient(key).SendTextAsync("收到", cancellationToken: TestContext.Current.CancellationToken);

        SimulatorFixture.AssertJsonEqual("""{"msgtype":"text","text":{"content":"收到"}}""", Assert.Single(fixture.MessagesTo(key)).Body);
    }

    [Fact]
    public async Task SendMarkdownAsync_SimulatorRecordsDocumentedBody()
    {
        var key = fixture.NewRobotKey();
        const string content = "## 本周报送情况\n> 按期报送率：<font color=\"info\">92%</font>\n> 未报：<font color=\"warning\">龙都幼儿园</font>";

        await fixture.RobotClient(key).SendMarkdownAsync(content, TestContext.Current.CancellationToken);

        var message = Assert.Single(fixture.MessagesTo(key));
        Assert.Equal("markdown", message.MessageType);
        Assert.Equal(content, message.Content);
        SimulatorFixture.AssertJsonEqual(
            """{"msgtype":"markdown","markdown":{"content":"## 本周报送情况\n> 按期报送率：<font color=\"info\">92%</font>\n> 未报：<font color=\"warning\">龙都幼儿园</font>"}}""",
            message.Body);
    }

    [Fact]
    public async Task SendTextAsync_UnknownKey_ThrowsInvalidWebhookWithoutTheKey()
    {
        const string key = "unknown-robot-key-4711";

        var ex = await Assert.ThrowsAsync<WeComApiException>(
            () => fixture.RobotClient(key).SendTextAsync("测试", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(WeComErrorCodes.InvalidWebhook, ex.ErrorCode);
        Assert.False(ex.IsTransient);
        Assert.NotNull(ex.Description);
        Assert.DoesNotContain(key, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMarkdownAsync_TwentyFirstWithinAMinute_ThrowsTransientFrequencyLimitUntilTheWindowMoves()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));
        await using var simulator = new WeComSimulator(SimulatorFixture.CreateOptions(), time);
        await simulator.StartAsync(0, TestContext.Current.CancellationToken);
        var robot = new WeComRobotClient(SimulatorFixture.RobotKey(1), fixture.Http, new WeComClientOptions { BaseUri = simulator.BaseAddress });

        for (var i = 1; i <= 20; i++)
        {
            await robot.SendMarkdownAsync($"第{i}条", TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var ex = await Assert.ThrowsAsync<WeComApiException>(() => robot.SendMarkdownAsync("第21条", TestContext.Current.CancellationToken));
        Assert.Equal(WeComErrorCodes.FrequencyLimited, ex.ErrorCode);
        Assert.True(ex.IsTransient);

        time.Advance(TimeSpan.FromSeconds(41));
        await robot.SendMarkdownAsync("第21条", TestContext.Current.CancellationToken);
        Assert.Equal(21, simulator.Messages.Count);
    }

    [Fact]
    public async Task SendTextAsync_ContentOverLimit_ThrowsBeforeCallingWeCom()
    {
        var key = fixture.NewRobotKey();
        var content = new string('报', WeComContentLimits.RobotTextBytes / 3 + 1);

        await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.RobotClient(key).SendTextAsync(content, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Empty(fixture.MessagesTo(key));
    }

    [Fact]
    public async Task SendTextAsync_WeComEchoesTheKeyInErrmsg_MasksIt()
    {
        const string key = "echoed-secret-key-0815";
        using var http = new HttpClient(new CannedHandler(HttpStatusCode.OK, $$"""{"errcode":93000,"errmsg":"invalid webhook url key={{key}}"}"""));
        var robot = new WeComRobotClient(key, http, new WeComClientOptions { BaseUri = new Uri("http://127.0.0.1:9/") });

        var ex = await Assert.ThrowsAsync<WeComApiException>(() => robot.SendTextAsync("测试", cancellationToken: TestContext.Current.CancellationToken));

        Assert.DoesNotContain(key, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, ex.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public async Task SendTextAsync_HttpError_ThrowsWithStatusAndTransience(HttpStatusCode status, bool transient)
    {
        using var http = new HttpClient(new CannedHandler(status, "<html>busy</html>"));
        var robot = new WeComRobotClient("some-key", http, new WeComClientOptions { BaseUri = new Uri("http://127.0.0.1:9/") });

        var ex = await Assert.ThrowsAsync<WeComApiException>(() => robot.SendTextAsync("测试", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((int)status, ex.Status);
        Assert.Null(ex.ErrorCode);
        Assert.Equal(transient, ex.IsTransient);
        Assert.DoesNotContain("some-key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTextAsync_NoAnswerWithinTimeout_ThrowsTransient()
    {
        using var http = new HttpClient(new SilentHandler());
        var robot = new WeComRobotClient("some-key", http, new WeComClientOptions { BaseUri = new Uri("http://127.0.0.1:9/"), Timeout = TimeSpan.FromMilliseconds(50) });

        var ex = await Assert.ThrowsAsync<WeComApiException>(() => robot.SendTextAsync("测试", cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(ex.IsTransient);
        Assert.Equal(0, ex.Status);
    }

    [Fact]
    public async Task SendTextAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var http = new HttpClient(new SilentHandler());
        var robot = new WeComRobotClient("some-key", http, new WeComClientOptions { BaseUri = new Uri("http://127.0.0.1:9/") });
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var send = robot.SendTextAsync("测试", cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }

    private sealed class CannedHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    private sealed class SilentHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
        }
    }
}

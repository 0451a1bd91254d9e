using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ServerlessHub.WeCom.Simulation;

/// <summary>The simulator's own answers over raw HTTP, for shapes the clients refuse to send.</summary>
public sealed class WeComSimulatorTests(SimulatorFixture fixture)
{
    [Theory]
    [InlineData("text", 2048, 0)]
    [InlineData("text", 2049, 40058)]
    [InlineData("markdown", 4096, 0)]
    [InlineData("markdown", 4097, 40058)]
    [InlineData("text", 0, 44004)]
    public async Task WebhookSend_ContentSize_AnswersAsWeCom(string messageType, int bytes, int expectedErrcode)
    {
        var key = fixture.NewRobotKey();
        var body = $$$"""{"msgtype":"{{{messageType}}}","{{{messageType}}}":{"content":"{{{new string('a', bytes)}}}"}}""";

        var errcode = await PostAsync($"cgi-bin/webhook/send?key={key}", body);

        Assert.Equal(expectedErrcode, errcode);
        Assert.Equal(expectedErrcode == 0 ? 1 : 0, fixture.MessagesTo(key).Count);
    }

    [Fact]
    public async Task MessageSend_TextOver2048Bytes_Answers45002()
    {
        var agentId = fixture.NewApp();
        var token = await TokenAsync(agentId);
        var content = new string('周', 683);

        var errcode = await PostAsync(
            $"cgi-bin/message/send?access_token={token}",
            $$$"""{"touser":"zhangwei","msgtype":"text","agentid":{{{agentId}}},"text":{"content":"{{{content}}}"},"safe":0}""");

        Assert.Equal(45002, errcode);
    }

    [Fact]
    public async Task MessageSend_UnknownToken_Answers40014()
    {
        var agentId = fixture.NewApp();

        var errcode = await PostAsync(
            "cgi-bin/message/send?access_token=made-up",
            $$$"""{"touser":"zhangwei","msgtype":"text","agentid":{{{agentId}}},"text":{"content":"x"}}""");

        Assert.Equal(40014, errcode);
    }

    [Fact]
    public async Task Messages_FilteredByChannelAndDestination_ListsOnlyThose()
    {
        var key = fixture.NewRobotKey();
        await PostAsync($"cgi-bin/webhook/send?key={key}", """{"msgtype":"markdown","markdown":{"content":"## 本周简报"}}""");

        using var response = await fixture.Http.GetAsync(
            new Uri(fixture.Simulator.BaseAddress, $"_sim/messages?channel=robot&destination={key}"), TestContext.Current.CancellationToken);
        using var listed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var message = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal("Robot", message.GetProperty("channel").GetString());
        Assert.Equal("## 本周简报", message.GetProperty("content").GetString());
    }

    [Fact]
    public async Task MessagePage_ShowsReceivedContentEncoded()
    {
        var key = fixture.NewRobotKey();
        await PostAsync($"cgi-bin/webhook/send?key={key}", """{"msgtype":"text","text":{"content":"<b>秣陵中心幼儿园</b> 已提交"}}""");

        var page = await fixture.Http.GetStringAsync(fixture.Simulator.BaseAddress, TestContext.Current.CancellationToken);

        Assert.Contains("&lt;b&gt;秣陵中心幼儿园&lt;/b&gt; 已提交", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", page, StringComparison.Ordinal);
    }

    private async Task<string> TokenAsync(int agentId)
    {
        using var reply = JsonDocument.Parse(await fixture.Http.GetStringAsync(
            new Uri(fixture.Simulator.BaseAddress, $"cgi-bin/gettoken?corpid={SimulatorFixture.CorpId}&corpsecret={SimulatorFixture.Secret(agentId)}"),
            TestContext.Current.CancellationToken));
        Assert.Equal(7200, reply.RootElement.GetProperty("expires_in").GetInt32());
        return reply.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<int> PostAsync(string relativeUri, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await fixture.Http.PostAsync(new Uri(fixture.Simulator.BaseAddress, relativeUri), content, TestContext.Current.CancellationToken);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return reply.GetProperty("errcode").GetInt32();
    }
}

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

    [Fact]
    public async Task AppChatSend_ChatPresetInOptions_AcceptedFromItsAppOnly()
    {
        var owner = SimulatorFixture.FirstAgentId;
        var options = SimulatorFixture.CreateOptions();
        options.Chats = [new PresetChat { ChatId = "office2026", AgentId = owner, Name = "协作体办公室", Members = ["zhangwei", "lina"] }];
        await using var simulator = new WeComSimulator(options);
        await simulator.StartAsync(0, TestContext.Current.CancellationToken);
        const string body = """{"chatid":"office2026","msgtype":"text","text":{"content":"本周报送率 80%"}}""";

        var fromOwner = await PostAsync($"cgi-bin/appchat/send?access_token={await TokenAsync(owner, simulator)}", body, simulator);
        var fromOther = await PostAsync($"cgi-bin/appchat/send?access_token={await TokenAsync(owner + 1, simulator)}", body, simulator);

        Assert.Equal(0, fromOwner);
        Assert.Equal(40035, fromOther);
        Assert.Equal("本周报送率 80%", Assert.Single(simulator.Messages).Content);
    }

    [Theory]
    [InlineData("office-2026", SimulatorFixture.FirstAgentId, "zhangwei,lina")]
    [InlineData("office2026", 999, "zhangwei,lina")]
    [InlineData("office2026", SimulatorFixture.FirstAgentId, "zhangwei")]
    [InlineData("office2026", SimulatorFixture.FirstAgentId, "zhangwei,nobody")]
    public async Task StartAsync_PresetChatAppChatCreateWouldRefuse_Throws(string chatId, int agentId, string members)
    {
        var options = SimulatorFixture.CreateOptions();
        options.Chats = [new PresetChat { ChatId = chatId, AgentId = agentId, Members = [.. members.Split(',')] }];
        await using var simulator = new WeComSimulator(options);

        await Assert.ThrowsAsync<ArgumentException>(() => simulator.StartAsync(0, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Faults_StrikeTheNextCallsOfTheirChannelThenStop()
    {
        await using var simulator = new WeComSimulator(SimulatorFixture.CreateOptions());
        await simulator.StartAsync(0, TestContext.Current.CancellationToken);
        var faults = new Uri(simulator.BaseAddress, "_sim/faults");
        var ct = TestContext.Current.CancellationToken;

        using (var refused = await fixture.Http.PostAsJsonAsync(faults, new { kind = "Busy", count = 0 }, ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var added = await fixture.Http.PostAsJsonAsync(faults, new { kind = "busy", count = 1, channel = "robot" }, ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, added.StatusCode);
        }

        var pending = await fixture.Http.GetFromJsonAsync<JsonElement>(faults, ct);
        Assert.Equal("Busy", Assert.Single(pending.EnumerateArray()).GetProperty("kind").GetString());
        var token = await TokenAsync(SimulatorFixture.FirstAgentId, simulator);
        var appMessage = $$$"""{"touser":"lina","msgtype":"text","agentid":{{{SimulatorFixture.FirstAgentId}}},"text":{"content":"应用消息"}}""";
        var robotMessage = """{"msgtype":"text","text":{"content":"群消息"}}""";

        Assert.Equal(0, await PostAsync($"cgi-bin/message/send?access_token={token}", appMessage, simulator));
        Assert.Equal(-1, await PostAsync($"cgi-bin/webhook/send?key={SimulatorFixture.RobotKey(1)}", robotMessage, simulator));
        Assert.Equal(0, await PostAsync($"cgi-bin/webhook/send?key={SimulatorFixture.RobotKey(1)}", robotMessage, simulator));

        Assert.Empty((await fixture.Http.GetFromJsonAsync<JsonElement>(faults, ct)).EnumerateArray());
        Assert.Equal(["应用消息", "群消息"], simulator.Messages.Select(m => m.Content));
        Assert.Equal(Recording.SimulatedChannel.Robot, Assert.Single(simulator.Faults.Strikes).Channel);
    }

    [Fact]
    public async Task MessageSend_DuplicateCheck_DropsTheSameContentToTheSameMembersWithinTheInterval()
    {
        var agentId = fixture.NewApp();
        var token = await TokenAsync(agentId);
        string Body(string content, bool check) => check
            ? $$$"""{"touser":"wangfang","msgtype":"text","agentid":{{{agentId}}},"text":{"content":"{{{content}}}"},"enable_duplicate_check":1,"duplicate_check_interval":600}"""
            : $$$"""{"touser":"wangfang","msgtype":"text","agentid":{{{agentId}}},"text":{"content":"{{{content}}}"}}""";

        Assert.Equal(0, await PostAsync($"cgi-bin/message/send?access_token={token}", Body("已收到周报", check: false)));
        Assert.Equal(0, await PostAsync($"cgi-bin/message/send?access_token={token}", Body("已收到周报", check: true)));
        Assert.Equal(0, await PostAsync($"cgi-bin/message/send?access_token={token}", Body("已收到月报", check: true)));
        Assert.Equal(0, await PostAsync($"cgi-bin/message/send?access_token={token}", Body("已收到月报", check: false)));

        var received = fixture.Simulator.Messages.Where(m => m.Destination == $"agent {agentId}").Select(m => m.Content);
        Assert.Equal(["已收到周报", "已收到月报", "已收到月报"], received);
    }

    private async Task<string> TokenAsync(int agentId, WeComSimulator? simulator = null)
    {
        using var reply = JsonDocument.Parse(await fixture.Http.GetStringAsync(
            new Uri((simulator ?? fixture.Simulator).BaseAddress, $"cgi-bin/gettoken?corpid={SimulatorFixture.CorpId}&corpsecret={SimulatorFixture.Secret(agentId)}"),
            TestContext.Current.CancellationToken));
        Assert.Equal(7200, reply.RootElement.GetProperty("expires_in").GetInt32());
        return reply.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<int> PostAsync(string relativeUri, string json, WeComSimulator? simulator = null)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await fixture.Http.PostAsync(
            new Uri((simulator ?? fixture.Simulator).BaseAddress, relativeUri), content, TestContext.Current.CancellationToken);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return reply.GetProperty("errcode").GetInt32();
    }
}

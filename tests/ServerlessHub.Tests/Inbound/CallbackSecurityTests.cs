using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.Inbound;

/// <summary>The callback endpoints against hostile input: every refusal is a 4xx, nothing is queued, the process stays up.</summary>
public sealed class CallbackSecurityTests(InboundHarness hub) : IClassFixture<InboundHarness>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, HttpStatusCode> HostileBodies()
    {
        var crypto = new WeComCallbackCrypto(InboundHarness.Token, InboundHarness.AesKey, InboundHarness.CorpId);
        var good = crypto.Encrypt("<xml><ToUserName><![CDATA[wwinboundtest]]></ToUserName><FromUserName><![CDATA[zhangwei]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[周报]]></Content><MsgId>1</MsgId><AgentID>1000007</AgentID></xml>");
        var otherCorp = new WeComCallbackCrypto(InboundHarness.Token, InboundHarness.AesKey, "wwsomeoneelse").Encrypt("<xml/>");
        return new TheoryData<string, string, string, HttpStatusCode>
        {
            { "wrong signature", Envelope(good), "text/xml", HttpStatusCode.Unauthorized },
            { "truncated base64", Envelope(good[..^7]), "text/xml", HttpStatusCode.BadRequest },
            { "bad padding", Envelope(Convert.ToBase64String(new byte[64])), "text/xml", HttpStatusCode.BadRequest },
            { "wrong receive id", Envelope(otherCorp), "text/xml", HttpStatusCode.Forbidden },
            { "xxe", """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Encrypt>&xxe;</Encrypt></xml>""", "text/xml", HttpStatusCode.BadRequest },
            { "billion laughs", """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><Encrypt>&lol3;</Encrypt></xml>""", "text/xml", HttpStatusCode.BadRequest },
            { "1 MiB body", Envelope(new string('A', 1024 * 1024)), "text/xml", HttpStatusCode.RequestEntityTooLarge },
            { "empty body", "", "text/xml", HttpStatusCode.BadRequest },
            { "not xml", "hello", "text/xml", HttpStatusCode.BadRequest },
            { "json to the app endpoint", """{"encrypt":"x"}""", "application/json", HttpStatusCode.UnsupportedMediaType },
            { "form post", "a=b", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        };
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task HostileAppCallback_Answers4xxAndQueuesNothing(string name, string body, string contentType, HttpStatusCode expected)
    {
        hub.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var crypto = new WeComCallbackCrypto(InboundHarness.Token, InboundHarness.AesKey, InboundHarness.CorpId);
        var timestamp = hub.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var encrypted = System.Text.RegularExpressions.Regex.Match(body, @"<Encrypt><!\[CDATA\[(.*?)\]\]>").Groups[1].Value;
        var signature = name == "wrong signature" ? new string('0', 40) : crypto.ComputeSignature(timestamp, "4242", encrypted);
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await hub.App.Http.PostAsync($"/api/wecom/{InboundHarness.HubId}/callback?msg_signature={signature}&timestamp={timestamp}&nonce=4242", content, _ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await hub.App.Http.GetAsync("/api/health", _ct)).StatusCode);
    }

    [Fact]
    public async Task StaleTimestamp_IsRefused()
    {
        hub.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var crypto = new WeComCallbackCrypto(InboundHarness.Token, InboundHarness.AesKey, InboundHarness.CorpId);
        var encrypted = crypto.Encrypt("<xml/>");
        var old = hub.Clock.GetUtcNow().AddHours(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var content = new StringContent($"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>", Encoding.UTF8, "text/xml");

        using var response = await hub.App.Http.PostAsync($"/api/wecom/{InboundHarness.HubId}/callback?msg_signature={crypto.ComputeSignature(old, "1", encrypted)}&timestamp={old}&nonce=1", content, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("回调的 timestamp 与服务器时间相差超过 10 分钟", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallbackOver64KiB_Answers413NamingTheCallbackLimit()
    {
        var now = hub.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var content = new StringContent(Envelope(new string('A', 70 * 1024)), Encoding.UTF8, "text/xml");

        using var response = await hub.App.Http.PostAsync($"/api/wecom/{InboundHarness.HubId}/callback?msg_signature=x&timestamp={now}&nonce=1", content, _ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("请求内容不能超过 64 KiB", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/wecom/no-such-hub/callback")]
    [InlineData("/api/wecom/no-such-hub/bot")]
    public async Task UnknownHub_Answers404(string path)
    {
        using var response = await hub.App.Http.GetAsync($"{path}?msg_signature=x&timestamp=1&nonce=1&echostr=x", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HostileBotCallbacks_Answer4xx()
    {
        hub.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var ts = hub.Clock.GetUtcNow().ToUnixTimeSeconds();
        foreach (var (body, type) in new[] { ("", "application/json"), ("[]", "application/json"), ("{\"encrypt\":\"abc\"}", "application/json"), (new string('[', 2000), "application/json"), ("<xml/>", "text/xml") })
        {
            using var content = new StringContent(body, Encoding.UTF8, type);
            using var response = await hub.App.Http.PostAsync($"/api/wecom/{InboundHarness.HubId}/bot?msg_signature=00&timestamp={ts}&nonce=1", content, _ct);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }
    }

    [Fact]
    public async Task UrlVerification_WithThePublishedVector_EchoesThePlaintext()
    {
        // The published WeCom example (V1): token QDG6eK, CorpID wx5823bf96d3bd56c7, signed at 2014-09-02.
        hub.Clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1409659589));
        var definitions = hub.App.Services.GetRequiredService<HubDefinitions>();
        Assert.IsType<HubApplyResult.Applied>(await definitions.ApplyAsync("""
            id: published-vector
            name: 官方示例
            wecom:
              corpId: wx5823bf96d3bd56c7
              agentId: 218
              token: QDG6eK
              encodingAesKey: jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C
              secret: unused
            allowInlineSecrets: true
            units: [ { id: a, name: 甲 } ]
            people: [ { userId: mycreate, name: 示例, unit: a, roles: [liaison, coordinator] } ]
            reports:
              - { id: weekly, title: 周报, cadence: weekly, due: { from: start, days: 4, time: "17:00" }, fields: [ { id: progress, label: 本周进展, type: text, required: true } ] }
            """, null, "test", _ct));

        using var response = await hub.App.Http.GetAsync(
            "/api/wecom/published-vector/callback?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1616140317555161061", await response.Content.ReadAsStringAsync(_ct));
    }

    private static string Envelope(string encrypt) => $"<xml><ToUserName><![CDATA[wwinboundtest]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[1000007]]></AgentID></xml>";
}

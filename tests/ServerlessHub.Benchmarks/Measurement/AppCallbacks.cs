using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ServerlessHub.WeCom.Callbacks;
using ServerlessHub.WeCom.Simulation;

namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>A WeCom app callback ready to post: the signed URL and the XML envelope.</summary>
internal sealed record AppCallback(Uri Url, byte[] Body);

/// <summary>
/// The self-built app a benchmark hub is given, the WeCom simulator that stands behind it, and text-message callbacks
/// to <c>POST /api/wecom/{hub}/callback</c> sealed as WeCom seals them (WXBizMsgCrypt): the XML message encrypted, the
/// envelope signed with token, timestamp and nonce, a fresh MsgId each.
/// </summary>
internal static class AppCallbacks
{
    private const string CorpId = "wwbenchcorp";
    private const int AgentId = 1000010;
    private const string Token = "BenchToken2026";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string Secret = "bench-app-secret";

    /// <summary>The hub's <c>wecom:</c> section, its secrets by reference to <see cref="Settings"/>.</summary>
    public static string HubYaml()
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("wecom:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  corpId: {CorpId}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  agentId: {AgentId}");
        yaml.AppendLine("  token: \"@setting:BENCH_TOKEN\"");
        yaml.AppendLine("  encodingAesKey: \"@setting:BENCH_AES\"");
        yaml.AppendLine("  secret: \"@setting:BENCH_SECRET\"");
        return yaml.ToString();
    }

    /// <summary>The app settings <see cref="HubYaml"/> refers to, with the simulator as WeCom's API.</summary>
    public static Dictionary<string, string?> Settings(WeComSimulator weCom) => new()
    {
        ["WeCom:BaseUrl"] = weCom.BaseAddress.ToString(),
        ["BENCH_TOKEN"] = Token,
        ["BENCH_AES"] = AesKey,
        ["BENCH_SECRET"] = Secret,
    };

    /// <summary>A simulator that knows the app and <paramref name="users"/>, to which the app's replies go.</summary>
    public static WeComSimulator Simulator(IEnumerable<string> users) => new(new WeComSimulatorOptions
    {
        CorpId = CorpId,
        Apps = [new SimulatedApp { AgentId = AgentId, Secret = Secret }],
        Users = [.. users],
    });

    public static WeComCallbackCrypto Crypto() => new(Token, AesKey, CorpId);

    /// <summary>A text message from <paramref name="fromUser"/>, sealed and signed at <paramref name="timestamp"/>
    /// (the app refuses timestamps far from its own clock).</summary>
    public static AppCallback Seal(WeComCallbackCrypto crypto, Uri callbackUrl, string fromUser, string content, DateTimeOffset timestamp)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var msgId = (BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) % 9_000_000_000_000_000_000 + 1_000_000_000_000_000_000).ToString(CultureInfo.InvariantCulture);
        var xml = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{fromUser}]]></FromUserName><CreateTime>{seconds}</CreateTime>" +
            $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId><AgentID>{AgentId}</AgentID></xml>";
        var encrypted = crypto.Encrypt(xml);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = crypto.ComputeSignature(seconds, nonce, encrypted);
        var body = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[{AgentId}]]></AgentID></xml>";
        return new AppCallback(new Uri(callbackUrl, $"?msg_signature={signature}&timestamp={seconds}&nonce={nonce}"), Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Posts <paramref name="callback"/> and reads the whole answer; returns its status.</summary>
    public static async Task<HttpStatusCode> PostAsync(HttpClient http, AppCallback callback, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(callback.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        using var response = await http.PostAsync(callback.Url, content, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.WeCom.Simulation.Members;

/// <summary>What the hub answered to a simulated callback.</summary>
public sealed record CallbackResult(int Status, string Body, string MessageId);

/// <summary>
/// Speaks to a hub as WeCom does: builds the message a member's chat produces, encrypts and signs it exactly as WeCom
/// (WXBizMsgCrypt: AES-256-CBC, 32-byte PKCS#7, SHA1 signature) and posts the callback. Used by the simulator's page,
/// its <c>/_sim/members/say</c> endpoint and the tests.
/// </summary>
public sealed class MemberCallbacks(HttpClient http, string corpId, TimeProvider timeProvider)
{
    /// <summary>A member writes <paramref name="content"/> to the hub's app (自建应用).</summary>
    /// <param name="msgId">The WeCom MsgId; give the same one to simulate a redelivery.</param>
    public async Task<CallbackResult> SendAppTextAsync(CallbackTarget target, string from, string content, string? msgId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var id = msgId ?? (BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) % 9_000_000_000_000_000_000 + 1_000_000_000_000_000_000).ToString(CultureInfo.InvariantCulture);
        var xml = $"<xml><ToUserName>{Cdata(corpId)}</ToUserName><FromUserName>{Cdata(from)}</FromUserName><CreateTime>{Now()}</CreateTime>" +
            $"<MsgType>{Cdata("text")}</MsgType><Content>{Cdata(content)}</Content><MsgId>{id}</MsgId><AgentID>{target.AgentId}</AgentID></xml>";
        return await PostAppAsync(target, xml, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A member opens the hub's app (the <c>enter_agent</c> event).</summary>
    public async Task<CallbackResult> SendEnterAgentAsync(CallbackTarget target, string from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var xml = $"<xml><ToUserName>{Cdata(corpId)}</ToUserName><FromUserName>{Cdata(from)}</FromUserName><CreateTime>{Now()}</CreateTime>" +
            $"<MsgType>{Cdata("event")}</MsgType><Event>{Cdata("enter_agent")}</Event><EventKey>{Cdata("")}</EventKey><AgentID>{target.AgentId}</AgentID></xml>";
        return await PostAppAsync(target, xml, "", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A member @-mentions the hub's AI bot in a group chat; the reply is expected at <paramref name="responseUrl"/>.</summary>
    public async Task<CallbackResult> SendBotTextAsync(CallbackTarget target, string from, string content, string chatId, Uri responseUrl, string? msgId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(responseUrl);
        var id = msgId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var json = new JsonObject
        {
            ["msgid"] = id,
            ["aibotid"] = target.BotId,
            ["chatid"] = chatId,
            ["chattype"] = "group",
            ["from"] = new JsonObject { ["userid"] = from },
            ["response_url"] = responseUrl.ToString(),
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = content },
        }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var crypto = new WeComCallbackCrypto(target.BotToken, target.BotEncodingAesKey, "");
        var (query, encrypted) = Seal(crypto, json);
        var body = new JsonObject { ["encrypt"] = encrypted }.ToJsonString();
        return await PostAsync(new Uri(target.BotCallbackUrl ?? throw new InvalidOperationException($"Hub '{target.Hub}' has no bot callback URL."), query), body, "application/json", id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CallbackResult> PostAppAsync(CallbackTarget target, string xml, string id, CancellationToken cancellationToken)
    {
        var crypto = new WeComCallbackCrypto(target.Token, target.EncodingAesKey, corpId);
        var (query, encrypted) = Seal(crypto, xml);
        var body = $"<xml><ToUserName>{Cdata(corpId)}</ToUserName><Encrypt>{Cdata(encrypted)}</Encrypt><AgentID>{Cdata(target.AgentId.ToString(CultureInfo.InvariantCulture))}</AgentID></xml>";
        return await PostAsync(new Uri(target.AppCallbackUrl ?? throw new InvalidOperationException($"Hub '{target.Hub}' has no app callback URL."), query), body, "text/xml", id, cancellationToken).ConfigureAwait(false);
    }

    private (string Query, string Encrypted) Seal(WeComCallbackCrypto crypto, string plaintext)
    {
        var encrypted = crypto.Encrypt(plaintext);
        var timestamp = Now();
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = crypto.ComputeSignature(timestamp, nonce, encrypted);
        return ($"?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}", encrypted);
    }

    private async Task<CallbackResult> PostAsync(Uri url, string body, string mediaType, string id, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        return new CallbackResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), id);
    }

    private string Now() => timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    // CDATA cannot hold "]]>"; split it across two sections as WeCom's own serializer does.
    private static string Cdata(string value) => $"<![CDATA[{value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)}]]>";
}

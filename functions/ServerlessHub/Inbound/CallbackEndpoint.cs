using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Storage;
using ServerlessHub.WeCom.Callbacks;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.Inbound;

/// <summary>The dependencies of the callback endpoints.</summary>
public sealed class CallbackServices(HubCatalog hubs, CallbackCryptos cryptos, StorageAccount storage, IOptions<InboundOptions> options, TimeProvider time, ILogger<CallbackServices> logger)
{
    public HubCatalog Hubs { get; } = hubs;

    public CallbackCryptos Cryptos { get; } = cryptos;

    public StorageAccount Storage { get; } = storage;

    public IOptions<InboundOptions> Options { get; } = options;

    public TimeProvider Time { get; } = time;

    public ILogger<CallbackServices> Logger { get; } = logger;
}

/// <summary>
/// What the app and AI-bot callback functions share: URL verification (GET) and message receipt (POST). A POST is
/// verified, decrypted and put on the <c>inbound</c> queue, and answered at once — WeCom waits 5 s (1 s for URL
/// verification) — so nothing else happens on the request path. Hostile input gets a 4xx, never a 500, and is logged
/// without its contents.
/// </summary>
public static class CallbackEndpoint
{
    // A WeCom text message is at most 2048 bytes; this leaves room for the envelope while the queued message, as UTF-8
    // JSON in Base64, stays within the queue's 64 KiB.
    private const int MaxPlaintextChars = 12 * 1024;

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> VerifyUrlAsync(
        ChatChannel channel, string hubId, HttpContext context, CallbackServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var (crypto, problem) = await CryptoAsync(channel, hubId, context, services).ConfigureAwait(false);
        if (crypto is null)
        {
            return problem!;
        }

        var query = context.Request.Query;
        if (StaleTimestamp(context, query["timestamp"], services) is { } stale)
        {
            return Reject(context, services, hubId, channel, "stale-timestamp", stale);
        }

        var result = crypto.VerifyUrl(query["msg_signature"], query["timestamp"], query["nonce"], query["echostr"]);
        return result.IsOk
            ? TypedResults.Text(result.Message!, "text/plain")
            : Reject(context, services, hubId, channel, result.Status.ToString(), Refusal(context, result.Status));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveAsync(
        ChatChannel channel, string hubId, HttpContext context, CallbackServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var mediaType = context.Request.GetTypedHeaders().ContentType?.MediaType.Value;
        var expected = channel == ChatChannel.App ? mediaType is "text/xml" or "application/xml" : mediaType is "application/json" or "text/json" or "text/plain";
        if (!expected)
        {
            return Reject(context, services, hubId, channel, "content-type", Problems.Create(context, StatusCodes.Status415UnsupportedMediaType,
                ("内容类型不支持", "Unsupported media type"), channel == ChatChannel.App ? ("应为 XML。", "Expected XML.") : ("应为 JSON。", "Expected JSON.")));
        }

        var (crypto, problem) = await CryptoAsync(channel, hubId, context, services).ConfigureAwait(false);
        if (crypto is null)
        {
            return problem!;
        }

        var query = context.Request.Query;
        if (StaleTimestamp(context, query["timestamp"], services) is { } stale)
        {
            return Reject(context, services, hubId, channel, "stale-timestamp", stale);
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return Reject(context, services, hubId, channel, "too-large", Problems.TooLarge(context, CallbackEnvelope.MaxBodyBytes));
        }

        var envelope = channel == ChatChannel.App ? CallbackEnvelope.ParseAppXml(body) : CallbackEnvelope.ParseBotJson(body);
        if (!envelope.IsOk)
        {
            return Reject(context, services, hubId, channel, envelope.Status.ToString(), envelope.Status == CallbackParseStatus.TooLarge
                ? Problems.TooLarge(context, CallbackEnvelope.MaxBodyBytes)
                : Problems.BadRequest(context, ("回调内容格式不正确。", "The callback body is malformed.")));
        }

        var decrypted = crypto.Decrypt(query["msg_signature"], query["timestamp"], query["nonce"], envelope.Value!.Encrypt);
        if (!decrypted.IsOk)
        {
            return Reject(context, services, hubId, channel, decrypted.Status.ToString(), Refusal(context, decrypted.Status));
        }

        if (decrypted.Message!.Length > MaxPlaintextChars)
        {
            return Reject(context, services, hubId, channel, "too-large", Problems.TooLarge(context, CallbackEnvelope.MaxBodyBytes));
        }

        var message = new InboundMessage(hubId, channel, decrypted.Message, services.Time.GetUtcNow());
        await services.Storage.GetQueue(InboundChatFunction.QueueName).SendCreatingAsync(
            JsonSerializer.Serialize(message, InboundQueueJson.Unescaped), null, context.RequestAborted).ConfigureAwait(false);
        InboundLog.CallbackQueued(services.Logger, hubId, channel);

        // An empty answer tells WeCom the message arrived and that the reply comes separately.
        return TypedResults.Text("", "text/plain");
    }

    private static async Task<(WeComCallbackCrypto? Crypto, ProblemHttpResult? Problem)> CryptoAsync(ChatChannel channel, string hubId, HttpContext context, CallbackServices services)
    {
        var hub = await services.Hubs.GetAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        var crypto = hub is null ? null : channel == ChatChannel.App ? services.Cryptos.ForApp(hub) : services.Cryptos.ForBot(hub);
        return crypto is null
            ? (null, Reject(context, services, hubId, channel, "not-configured", Problems.NotFound(context,
                ($"中枢“{hubId}”不存在，或没有配置企业微信{(channel == ChatChannel.App ? "应用" : "智能机器人")}回调。", $"There is no hub '{hubId}', or it has no WeCom {(channel == ChatChannel.App ? "app" : "AI bot")} callback configured."))))
            : (crypto, null);
    }

    private static ProblemHttpResult? StaleTimestamp(HttpContext context, string? timestamp, CallbackServices services)
    {
        // Whoever holds the token signs whatever timestamp text they like, so one that is not plain Unix seconds must be
        // refused here: passed on, it would be signed correctly and never fall out of the replay window.
        var window = services.Options.Value.CallbackClockSkew;
        if (timestamp is not { Length: > 0 and <= 11 } || !timestamp.All(char.IsAsciiDigit))
        {
            return Problems.Create(context, StatusCodes.Status400BadRequest, ("回调时间戳无效", "Invalid callback timestamp"),
                ("回调的 timestamp 应为 Unix 秒数。", "The callback timestamp must be Unix seconds."));
        }

        var skew = (services.Time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture))).Duration();
        return skew <= window ? null : Problems.Create(context, StatusCodes.Status400BadRequest, ("回调已过期", "Stale callback"),
            ($"回调的 timestamp 与服务器时间相差超过 {window.TotalMinutes:0} 分钟，已拒绝（防止重放）。", $"The callback timestamp is more than {window.TotalMinutes:0} minutes from this server's time; refused to prevent replay."));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > CallbackEnvelope.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > CallbackEnvelope.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Refusal(HttpContext context, CallbackDecryptStatus status) => status switch
    {
        CallbackDecryptStatus.BadSignature => Problems.Create(context, StatusCodes.Status401Unauthorized, ("签名校验失败", "Bad signature"), ("msg_signature 与内容不符。", "msg_signature does not match the content.")),
        CallbackDecryptStatus.WrongReceiveId => Problems.Create(context, StatusCodes.Status403Forbidden, ("接收方不符", "Wrong receiver"), ("消息不是发给本中枢的。", "The message is not addressed to this hub.")),
        _ => Problems.BadRequest(context, ("回调内容无法解密。", "The callback cannot be decrypted.")),
    };

    private static ProblemHttpResult Reject(HttpContext context, CallbackServices services, string hubId, ChatChannel channel, string reason, ProblemHttpResult problem)
    {
        InboundLog.CallbackRejected(services.Logger, hubId, channel, reason, problem.StatusCode);
        return problem;
    }
}

internal static partial class InboundLog
{
    [LoggerMessage(1300, LogLevel.Debug, "Callback for hub {HubId} ({Channel}) queued", EventName = "CallbackQueued")]
    public static partial void CallbackQueued(ILogger logger, string hubId, ChatChannel channel);

    [LoggerMessage(1301, LogLevel.Warning, "Callback for hub {HubId} ({Channel}) rejected: {Reason} ({Status})", EventName = "CallbackRejected")]
    public static partial void CallbackRejected(ILogger logger, string hubId, ChatChannel channel, string reason, int status);
}

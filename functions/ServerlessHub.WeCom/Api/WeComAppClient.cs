using System.Text.Json.Serialization.Metadata;

namespace ServerlessHub.WeCom.Api;

/// <summary>
/// Calls WeCom as one self-built app (自建应用): app messages (<c>message/send</c>) and messages to app-owned group
/// chats (<c>appchat/send</c>). The access token is fetched with <c>gettoken</c>, cached for its
/// <c>expires_in</c> less <see cref="WeComClientOptions.AccessTokenRefreshMargin"/>, and replaced once, with the call
/// repeated, when WeCom rejects it (40014, 42001). Thread-safe; one instance per app serves the app.
/// </summary>
public class WeComAppClient
{
    private readonly WeComHttpPipeline pipeline;
    private readonly AccessTokenCache tokens;
    private readonly string corpId;
    private readonly string secret;

    /// <summary>Creates a client for one app, calling the public WeCom host.</summary>
    /// <param name="corpId">The corp id (企业ID).</param>
    /// <param name="secret">The app's secret; never logged or put in exception messages.</param>
    /// <param name="agentId">The app's agent id (AgentId).</param>
    /// <param name="httpClient">The HTTP client to send with, e.g. from IHttpClientFactory.</param>
    public WeComAppClient(string corpId, string secret, int agentId, HttpClient httpClient)
        : this(corpId, secret, agentId, httpClient, new WeComClientOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates a client for one app.</summary>
    /// <param name="corpId">The corp id (企业ID).</param>
    /// <param name="secret">The app's secret; never logged or put in exception messages.</param>
    /// <param name="agentId">The app's agent id (AgentId).</param>
    /// <param name="httpClient">The HTTP client to send with, e.g. from IHttpClientFactory.</param>
    /// <param name="options">Host, timeout and token settings.</param>
    /// <param name="timeProvider">The clock for token expiry and call timeouts.</param>
    public WeComAppClient(string corpId, string secret, int agentId, HttpClient httpClient, WeComClientOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(corpId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agentId);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var validated = options.Validated();
        this.corpId = corpId;
        this.secret = secret;
        AgentId = agentId;
        pipeline = new WeComHttpPipeline(httpClient, validated, timeProvider);
        tokens = new AccessTokenCache(FetchTokenAsync, timeProvider, validated.AccessTokenRefreshMargin);
    }

    /// <summary>For substitutes in tests of code that uses this client.</summary>
    protected WeComAppClient()
    {
        pipeline = null!;
        tokens = null!;
        corpId = null!;
        secret = null!;
    }

    /// <summary>The app's agent id.</summary>
    public int AgentId { get; }

    /// <summary>Sends a text message to members, departments or tags.</summary>
    /// <param name="recipients">Who receives it.</param>
    /// <param name="content">The text, at most <see cref="WeComContentLimits.AppTextBytes"/> UTF-8 bytes (WeCom would silently truncate longer text).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id and the recipients WeCom could not reach.</returns>
    /// <exception cref="WeComApiException">WeCom refused the message (81013 when no recipient is valid) or could not be reached.</exception>
    public virtual Task<WeComMessageReceipt> SendTextAsync(WeComRecipients recipients, string content, CancellationToken cancellationToken = default) =>
        SendTextAsync(recipients, content, duplicateCheck: null, cancellationToken);

    /// <summary>Sends a text message to members, departments or tags, asking WeCom to drop it if it repeats one.</summary>
    /// <param name="recipients">Who receives it.</param>
    /// <param name="content">The text, at most <see cref="WeComContentLimits.AppTextBytes"/> UTF-8 bytes.</param>
    /// <param name="duplicateCheck">
    /// When given, WeCom's <c>enable_duplicate_check</c> over this interval (1 s–4 h): the same content to the same
    /// recipients within it is accepted and not delivered again. For resending a message whose earlier call may have
    /// arrived.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id and the recipients WeCom could not reach.</returns>
    /// <exception cref="WeComApiException">WeCom refused the message or could not be reached.</exception>
    public virtual Task<WeComMessageReceipt> SendTextAsync(WeComRecipients recipients, string content, TimeSpan? duplicateCheck, CancellationToken cancellationToken = default)
    {
        WeComContentLimits.EnsureWithin(content, WeComContentLimits.AppTextBytes);
        return SendMessageAsync(recipients, "text", duplicateCheck, cancellationToken, text: new ContentBody(content), safe: 0);
    }

    /// <summary>Sends a markdown message to members, departments or tags.</summary>
    /// <param name="recipients">Who receives it.</param>
    /// <param name="content">The markdown, at most <see cref="WeComContentLimits.AppMarkdownBytes"/> UTF-8 bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id and the recipients WeCom could not reach.</returns>
    /// <exception cref="WeComApiException">WeCom refused the message or could not be reached.</exception>
    public virtual Task<WeComMessageReceipt> SendMarkdownAsync(WeComRecipients recipients, string content, CancellationToken cancellationToken = default) =>
        SendMarkdownAsync(recipients, content, duplicateCheck: null, cancellationToken);

    /// <summary>Sends a markdown message to members, departments or tags, asking WeCom to drop it if it repeats one.</summary>
    /// <param name="recipients">Who receives it.</param>
    /// <param name="content">The markdown, at most <see cref="WeComContentLimits.AppMarkdownBytes"/> UTF-8 bytes.</param>
    /// <param name="duplicateCheck">As for <see cref="SendTextAsync(WeComRecipients, string, TimeSpan?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id and the recipients WeCom could not reach.</returns>
    /// <exception cref="WeComApiException">WeCom refused the message or could not be reached.</exception>
    public virtual Task<WeComMessageReceipt> SendMarkdownAsync(WeComRecipients recipients, string content, TimeSpan? duplicateCheck, CancellationToken cancellationToken = default)
    {
        WeComContentLimits.EnsureWithin(content, WeComContentLimits.AppMarkdownBytes);
        return SendMessageAsync(recipients, "markdown", duplicateCheck, cancellationToken, markdown: new ContentBody(content));
    }

    /// <summary>Sends a text message to an app-owned group chat.</summary>
    /// <param name="chatId">The chat id.</param>
    /// <param name="content">The text, at most <see cref="WeComContentLimits.AppTextBytes"/> UTF-8 bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WeComApiException">WeCom refused the message or could not be reached.</exception>
    public virtual Task SendChatTextAsync(string chatId, string content, CancellationToken cancellationToken = default)
    {
        WeComContentLimits.EnsureWithin(content, WeComContentLimits.AppTextBytes);
        return SendChatAsync(chatId, "text", cancellationToken, text: new ContentBody(content), safe: 0);
    }

    /// <summary>Sends a markdown message to an app-owned group chat.</summary>
    /// <param name="chatId">The chat id.</param>
    /// <param name="content">The markdown, at most <see cref="WeComContentLimits.AppMarkdownBytes"/> UTF-8 bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WeComApiException">WeCom refused the message or could not be reached.</exception>
    public virtual Task SendChatMarkdownAsync(string chatId, string content, CancellationToken cancellationToken = default)
    {
        WeComContentLimits.EnsureWithin(content, WeComContentLimits.AppMarkdownBytes);
        return SendChatAsync(chatId, "markdown", cancellationToken, markdown: new ContentBody(content));
    }

    private async Task<WeComMessageReceipt> SendMessageAsync(
        WeComRecipients recipients,
        string messageType,
        TimeSpan? duplicateCheck,
        CancellationToken cancellationToken,
        ContentBody? text = null,
        ContentBody? markdown = null,
        int? safe = null)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (duplicateCheck is { } interval && (interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromHours(4)))
        {
            throw new ArgumentOutOfRangeException(nameof(duplicateCheck), interval, "WeCom checks duplicates over 1 s to 4 hours.");
        }

        var request = new AppMessageRequest(
            recipients.ToUser, recipients.ToParty, recipients.ToTag, messageType, AgentId, text, markdown, safe,
            duplicateCheck is null ? null : 1, duplicateCheck is { } checkInterval ? (int)checkInterval.TotalSeconds : null);
        var response = await CallAsync(
            "cgi-bin/message/send",
            request,
            WeComApiJsonContext.Default.AppMessageRequest,
            WeComApiJsonContext.Default.MessageSendResponse,
            cancellationToken).ConfigureAwait(false);
        return WeComMessageReceipt.From(response);
    }

    private async Task SendChatAsync(
        string chatId,
        string messageType,
        CancellationToken cancellationToken,
        ContentBody? text = null,
        ContentBody? markdown = null,
        int? safe = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        await CallAsync(
            "cgi-bin/appchat/send",
            new ChatMessageRequest(chatId, messageType, text, markdown, safe),
            WeComApiJsonContext.Default.ChatMessageRequest,
            WeComApiJsonContext.Default.WeComResponse,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : WeComResponse
    {
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await pipeline.PostAsync(WithToken(path, token), body, requestType, responseType, cancellationToken).ConfigureAwait(false);
        if (WeComErrorCodes.IsAccessTokenRejected(response.ErrorCode))
        {
            // Tokens can be invalidated before expires_in (e.g. the secret was reset): renew once, then give up.
            token = await tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
            response = await pipeline.PostAsync(WithToken(path, token), body, requestType, responseType, cancellationToken).ConfigureAwait(false);
        }

        if (response.ErrorCode != 0)
        {
            throw new WeComApiException(response.ErrorCode, SecretMask.Apply(response.ErrorMessage, token, secret));
        }

        return response;
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var response = await pipeline.GetAsync(
            $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(corpId)}&corpsecret={Uri.EscapeDataString(secret)}",
            WeComApiJsonContext.Default.AccessTokenResponse,
            cancellationToken).ConfigureAwait(false);
        if (response.ErrorCode != 0)
        {
            throw new WeComApiException(response.ErrorCode, SecretMask.Apply(response.ErrorMessage, secret));
        }

        if (string.IsNullOrEmpty(response.AccessToken) || response.ExpiresIn <= 0)
        {
            throw new WeComApiException("WeCom answered gettoken without an access_token or expires_in.", 200, isTransient: false);
        }

        return (response.AccessToken, TimeSpan.FromSeconds(response.ExpiresIn));
    }

    private static string WithToken(string path, string token) => $"{path}?access_token={Uri.EscapeDataString(token)}";
}

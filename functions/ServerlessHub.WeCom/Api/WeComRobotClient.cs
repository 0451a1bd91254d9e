namespace ServerlessHub.WeCom.Api;

/// <summary>
/// Posts messages to one group robot (群机器人) webhook: <c>POST {base}/cgi-bin/webhook/send?key=KEY</c>.
/// WeCom allows 20 messages per minute per robot and answers 45009 beyond that; 93000 means the key is invalid or the
/// robot was removed from its group. Thread-safe; one instance per robot key serves the app.
/// </summary>
public class WeComRobotClient
{
    private readonly WeComHttpPipeline pipeline;
    private readonly string key;

    /// <summary>Creates a client for the robot with webhook <paramref name="key"/>, calling the public WeCom host.</summary>
    /// <param name="key">The <c>key</c> query value of the robot's webhook URL; a secret.</param>
    /// <param name="httpClient">The HTTP client to send with, e.g. from IHttpClientFactory.</param>
    public WeComRobotClient(string key, HttpClient httpClient)
        : this(key, httpClient, new WeComClientOptions())
    {
    }

    /// <summary>Creates a client for the robot with webhook <paramref name="key"/>.</summary>
    /// <param name="key">The <c>key</c> query value of the robot's webhook URL; a secret.</param>
    /// <param name="httpClient">The HTTP client to send with, e.g. from IHttpClientFactory.</param>
    /// <param name="options">Host and timeout settings.</param>
    public WeComRobotClient(string key, HttpClient httpClient, WeComClientOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        this.key = key;
        pipeline = new WeComHttpPipeline(httpClient, options.Validated(), TimeProvider.System);
    }

    /// <summary>For substitutes in tests of code that uses this client.</summary>
    protected WeComRobotClient()
    {
        pipeline = null!;
        key = null!;
    }

    /// <summary>Sends a text message, optionally @-mentioning members.</summary>
    /// <param name="content">The text, at most <see cref="WeComContentLimits.RobotTextBytes"/> UTF-8 bytes; split longer text with <see cref="WeComMessageParts"/>.</param>
    /// <param name="mentionedUserIds">User ids to @-mention (<c>mentioned_list</c>); <c>@all</c> mentions everyone.</param>
    /// <param name="mentionedMobiles">Mobile numbers to @-mention (<c>mentioned_mobile_list</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WeComApiException">WeCom refused the message or could not be reached.</exception>
    public virtual Task SendTextAsync(
        string content,
        IReadOnlyList<string>? mentionedUserIds = null,
        IReadOnlyList<string>? mentionedMobiles = null,
        CancellationToken cancellationToken = default)
    {
        WeComContentLimits.EnsureWithin(content, WeComContentLimits.RobotTextBytes);
        var text = new RobotTextBody(content, NullIfEmpty(mentionedUserIds), NullIfEmpty(mentionedMobiles));
        return SendAsync(new RobotMessageRequest("text", Text: text), cancellationToken);
    }

    /// <summary>Sends a markdown message; mention members inside it with <c>&lt;@userid&gt;</c>.</summary>
    /// <param name="content">The markdown, at most <see cref="WeComContentLimits.RobotMarkdownBytes"/> UTF-8 bytes; split longer content with <see cref="WeComMessageParts"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WeComApiException">WeCom refused the message or could not be reached.</exception>
    public virtual Task SendMarkdownAsync(string content, CancellationToken cancellationToken = default)
    {
        WeComContentLimits.EnsureWithin(content, WeComContentLimits.RobotMarkdownBytes);
        return SendAsync(new RobotMessageRequest("markdown", Markdown: new ContentBody(content)), cancellationToken);
    }

    private async Task SendAsync(RobotMessageRequest request, CancellationToken cancellationToken)
    {
        var response = await pipeline.PostAsync(
            "cgi-bin/webhook/send?key=" + Uri.EscapeDataString(key),
            request,
            WeComApiJsonContext.Default.RobotMessageRequest,
            WeComApiJsonContext.Default.WeComResponse,
            cancellationToken).ConfigureAwait(false);
        if (response.ErrorCode != 0)
        {
            throw new WeComApiException(response.ErrorCode, SecretMask.Apply(response.ErrorMessage, key));
        }
    }

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string>? list) => list is { Count: > 0 } ? list : null;
}

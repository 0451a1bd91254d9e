namespace ServerlessHub.WeCom.Api;

/// <summary>
/// Settings shared by <see cref="WeComRobotClient"/> and <see cref="WeComAppClient"/>.
/// The values are copied when a client is constructed; changing them later does not affect that client.
/// </summary>
public class WeComClientOptions
{
    /// <summary>The public WeCom API host.</summary>
    public static readonly Uri DefaultBaseUri = new("https://qyapi.weixin.qq.com");

    /// <summary>
    /// The API host the clients call. Default <see cref="DefaultBaseUri"/> (<c>https://qyapi.weixin.qq.com</c>);
    /// point it at the WeCom simulator for local runs and tests. Must be an absolute http or https URI.
    /// </summary>
    public Uri BaseUri { get; set; } = DefaultBaseUri;

    /// <summary>
    /// How long one HTTP call may take before it fails as a transient <see cref="WeComApiException"/>.
    /// Default 10 seconds; valid range greater than zero up to 5 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long before its announced expiry (<c>expires_in</c>, normally 7200 s) a cached access token is replaced.
    /// Default 5 minutes; valid range zero up to 1 hour.
    /// </summary>
    public TimeSpan AccessTokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    internal WeComClientOptions Validated()
    {
        if (BaseUri is null || !BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("BaseUri must be an absolute http or https URI.", nameof(BaseUri));
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be greater than zero and at most 5 minutes.");
        }

        if (AccessTokenRefreshMargin < TimeSpan.Zero || AccessTokenRefreshMargin > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(AccessTokenRefreshMargin), AccessTokenRefreshMargin, "AccessTokenRefreshMargin must be between zero and 1 hour.");
        }

        // Relative paths such as "cgi-bin/gettoken" resolve under a base that ends in '/', keeping any path prefix.
        var baseText = BaseUri.AbsoluteUri;
        return new WeComClientOptions
        {
            BaseUri = baseText.EndsWith('/') ? BaseUri : new Uri(baseText + "/"),
            Timeout = Timeout,
            AccessTokenRefreshMargin = AccessTokenRefreshMargin,
        };
    }
}

namespace ServerlessHub.WeCom.Api;

/// <summary>
/// A WeCom API call failed: WeCom answered with a non-zero <c>errcode</c>, answered with an HTTP error or an unreadable
/// body, did not answer within <see cref="WeComClientOptions.Timeout"/>, or could not be reached.
/// </summary>
/// <remarks>
/// The message never contains the access token, the app secret or the robot key: request URLs carry them, so URLs are
/// never included, and any of those values echoed in <c>errmsg</c> is masked.
/// </remarks>
public class WeComApiException : Exception
{
    /// <summary>Creates the exception for a WeCom answer carrying a non-zero <paramref name="errorCode"/>.</summary>
    /// <param name="errorCode">WeCom's <c>errcode</c>.</param>
    /// <param name="errorMessage">WeCom's <c>errmsg</c>, already free of secrets.</param>
    public WeComApiException(int errorCode, string? errorMessage)
        : base(DescribeAnswer(errorCode, errorMessage))
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Status = 200;
        IsTransient = WeComErrorCodes.IsTransient(errorCode);
    }

    /// <summary>Creates the exception for a call that got no WeCom <c>errcode</c> (HTTP error, timeout, network failure).</summary>
    /// <param name="message">What went wrong; must not contain a URL, token, secret or key.</param>
    /// <param name="status">The HTTP status code, or 0 when no response arrived.</param>
    /// <param name="isTransient">Whether repeating the call later may succeed.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public WeComApiException(string message, int status, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        IsTransient = isTransient;
    }

    /// <summary>WeCom's <c>errcode</c>, or <see langword="null"/> when WeCom gave none (see <see cref="Status"/>).</summary>
    public int? ErrorCode { get; }

    /// <summary>WeCom's <c>errmsg</c> with secrets masked, or <see langword="null"/> when WeCom gave none.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The HTTP status code of WeCom's answer (WeCom reports its errors with 200), or 0 when none arrived.</summary>
    public int Status { get; }

    /// <summary>
    /// Whether repeating the call later may succeed: <c>errcode</c> -1 (busy) or 45009 (frequency limit),
    /// an HTTP 5xx answer, a timeout or a network failure.
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>The English and Chinese meaning of <see cref="ErrorCode"/>, when it is a known code.</summary>
    public WeComErrorDescription? Description => ErrorCode is { } code ? WeComErrorCodes.Describe(code) : null;

    private static string DescribeAnswer(int errorCode, string? errorMessage)
    {
        var description = WeComErrorCodes.Describe(errorCode);
        var meaning = description is null ? "unknown error" : $"{description.English} / {description.Chinese}";
        return $"WeCom error {errorCode}: {meaning}. errmsg: {errorMessage ?? "(none)"}";
    }
}

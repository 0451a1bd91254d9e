using Azure;

namespace ServerlessHub.Poison;

/// <summary>
/// Says why an attempt failed without repeating what the message holds: an inbound message carries a member's report,
/// and exception messages from parsers or templates may quote it. Storage and HTTP failures are described by their
/// status and codes; free text is kept only from this app's own throw sites (the WeCom library's included, whose
/// messages mask secrets), which name identifiers (hub, MsgId, delivery id), never contents; any other exception is
/// described by its type alone.
/// </summary>
internal static class FailureDescription
{
    /// <summary>The longest message kept, in characters.</summary>
    public const int MaxLength = 300;

    public static (string Type, string Message) Describe(Exception exception)
    {
        var message = exception switch
        {
            RequestFailedException storage => $"Storage answered {storage.Status} {storage.ErrorCode}".TrimEnd(),
            HttpRequestException http => $"HTTP request failed: {http.HttpRequestError}{(http.StatusCode is { } status ? $" ({(int)status})" : "")}",
            OperationCanceledException => "Cancelled: the host stopped or the invocation timed out.",
            _ when IsOwn(exception) => FirstLine(exception.Message),
            _ => "",
        };

        var cause = exception.GetBaseException();
        if (!ReferenceEquals(cause, exception))
        {
            message = $"{message} (caused by {cause.GetType().FullName})".TrimStart();
        }

        return (exception.GetType().FullName ?? exception.GetType().Name, message.Length > MaxLength ? message[..MaxLength] : message);
    }

    private static bool IsOwn(Exception exception) =>
        exception.TargetSite?.DeclaringType?.Assembly is { } assembly && (assembly.GetName().Name ?? "").StartsWith("ServerlessHub", StringComparison.Ordinal);

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }
}

using System.Net.Sockets;
using Azure;

namespace ServerlessHub.Storage;

/// <summary>Tells a storage account that cannot be reached, or is failing on its side, from a request it refused.</summary>
public static class StorageFailures
{
    /// <summary>
    /// Whether <paramref name="exception"/> means storage is unavailable: no answer (refused or dropped connections,
    /// timeouts), or a 5xx — including the SDK's <see cref="AggregateException"/> after its retries ran out.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } failed => failed.InnerException is null || IsUnavailable(failed.InnerException),
        RequestFailedException { Status: >= 500 } => true,
        RequestFailedException => false,
        HttpRequestException or SocketException or TimeoutException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };

    /// <summary>
    /// A short description of why storage is unavailable, for health reports and logs: the status or the network error,
    /// never a URL with a SAS token, a key or a message body.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions: [.., var last] } => Describe(last),
        RequestFailedException { Status: > 0 } failed => $"HTTP {failed.Status}{(failed.ErrorCode is { } code ? " " + code : "")}",
        RequestFailedException { InnerException: { } inner } => Describe(inner),
        HttpRequestException { InnerException: SocketException socket } => $"{socket.SocketErrorCode}",
        HttpRequestException http => $"{http.HttpRequestError}",
        SocketException socket => $"{socket.SocketErrorCode}",
        OperationCanceledException or TimeoutException => "no answer in time",
        { InnerException: { } inner } => Describe(inner),
        _ => exception.GetType().Name,
    };
}

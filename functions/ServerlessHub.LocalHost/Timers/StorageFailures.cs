namespace ServerlessHub.LocalHost.Timers;

internal static class StorageFailures
{
    /// <summary>
    /// Storage trouble worth waiting out: a failed request, or Azure.Core's AggregateException once its own retries
    /// of an unreachable endpoint are spent.
    /// </summary>
    public static bool IsStorageFailure(this Exception exception) => exception switch
    {
        Azure.RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(e => e.IsStorageFailure() || e is HttpRequestException),
        _ => false,
    };
}

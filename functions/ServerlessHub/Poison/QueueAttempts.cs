using Azure;
using ServerlessHub.Hosting;
using ServerlessHub.Storage.Poison;

namespace ServerlessHub.Poison;

/// <summary>
/// Runs one attempt of a queue function. When the last attempt (host.json's <c>maxDequeueCount</c>) fails, it records
/// why in the <c>poison</c> table before the exception goes on to the queue listener, which then moves the message to
/// <c>&lt;queue&gt;-poison</c> with its body unchanged. The record lives in the function, not in a host, so the worker
/// under Azure Functions and the local host record alike.
/// </summary>
public sealed class QueueAttempts(PoisonErrorStore errors, HostSettings host, TimeProvider time, ILogger<QueueAttempts> logger)
{
    /// <param name="queueName">The queue the function listens to.</param>
    /// <param name="messageId">The queue message id.</param>
    /// <param name="body">The message body, which identifies the poison copy.</param>
    /// <param name="dequeueCount">This attempt's number, from 1.</param>
    /// <param name="handle">The function's work.</param>
    public async Task RunAsync(string queueName, string messageId, string body, long dequeueCount, Func<Task> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        try
        {
            await handle().ConfigureAwait(false);
        }
        catch (Exception ex) when (dequeueCount >= host.Queues.MaxDequeueCount)
        {
            await RecordAsync(queueName, messageId, body, dequeueCount, ex).ConfigureAwait(false);
            throw;
        }
    }

    private async Task RecordAsync(string queueName, string messageId, string body, long dequeueCount, Exception exception)
    {
        var (type, message) = FailureDescription.Describe(exception);
        try
        {
            // Not the invocation's token: a shutdown that cancelled the work should not also lose the reason.
            await errors.RecordAsync(queueName, body, new PoisonError(messageId, dequeueCount, type, message, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
            PoisonLog.ErrorRecorded(logger, queueName, messageId, dequeueCount, type);
        }
        catch (Exception recordFailure) when (recordFailure is RequestFailedException or AggregateException or HttpRequestException)
        {
            // The message still goes to poison with its body; only the reason is missing from the list.
            PoisonLog.ErrorNotRecorded(logger, recordFailure, queueName, messageId);
        }
    }
}

using Azure;
using Azure.Storage.Queues;

namespace ServerlessHub.Storage;

public static class QueueSending
{
    /// <summary>
    /// Sends a message, creating the queue when it does not exist yet: queues are created by their listeners, and a
    /// producer may run first on a fresh storage account.
    /// </summary>
    public static async Task SendCreatingAsync(this QueueClient queue, string text, TimeSpan? visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            await queue.SendMessageAsync(text, visibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await queue.SendMessageAsync(text, visibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}

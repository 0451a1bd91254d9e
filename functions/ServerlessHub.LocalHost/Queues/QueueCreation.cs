using ServerlessHub.LocalHost.Functions;
using ServerlessHub.Storage;

namespace ServerlessHub.LocalHost.Queues;

/// <summary>
/// Creates the queue functions' queues before their listeners start: on a fresh account a listener would otherwise
/// find no queue and back off to the longest polling interval before it sees the first message.
/// </summary>
internal sealed class QueueCreation(FunctionIndex functions, StorageAccount storage, ILogger<QueueCreation> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var function in functions.Queues)
        {
            try
            {
                await storage.GetQueue(function.QueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
            {
                LocalHostLog.QueueNotCreated(logger, ex, function.QueueName);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

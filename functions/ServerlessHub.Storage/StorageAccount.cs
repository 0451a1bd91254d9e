using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ServerlessHub.Storage;

/// <summary>
/// The storage account named by the <c>AzureWebJobsStorage</c> connection string: Azurite locally, Azure Storage in
/// production. Clients are thread-safe, so one account serves the whole app.
/// </summary>
public sealed class StorageAccount
{
    public StorageAccount(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Tables = new TableServiceClient(connectionString);
        // Functions queue triggers read and write Base64; the SDK's default is no encoding.
        Queues = new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public QueueClient GetQueue(string name) => Queues.GetQueueClient(name);

    public TableClient GetTable(string name) => Tables.GetTableClient(name);

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _created = new(StringComparer.Ordinal);

    /// <summary>The table, created on first use in this process; a failed creation is tried again next time.</summary>
    public async Task<TableClient> GetTableAsync(string name, CancellationToken cancellationToken = default)
    {
        var creation = _created.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
        {
            var table = GetTable(n);
            await table.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
            return table;
        }));
        try
        {
            return await creation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (creation.Value.IsFaulted)
        {
            _created.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, creation));
            throw;
        }
    }
}

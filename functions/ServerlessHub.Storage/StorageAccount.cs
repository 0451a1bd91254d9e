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
}

using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ServerlessHub.Storage;

/// <summary>
/// The storage account named by the <c>AzureWebJobsStorage</c> connection string: Azurite locally, Azure Storage in
/// production. Clients are thread-safe, so one account serves the whole app.
/// </summary>
public sealed class StorageAccount
{
    private readonly Lazy<TableServiceClient> _tables;
    private readonly Lazy<QueueServiceClient> _queues;

    /// <remarks>
    /// The clients are built on first use, because building them loads and initialises the Azure SDK, a large part
    /// of cold start (tests/ServerlessHub.Benchmarks/README.md).
    /// </remarks>
    public StorageAccount(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _tables = new(() => new TableServiceClient(connectionString, WithoutSdkDiagnostics(new TableClientOptions())));
        // Functions queue triggers read and write Base64; the SDK's default is no encoding.
        _queues = new(() => new QueueServiceClient(connectionString,
            WithoutSdkDiagnostics(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
    }

    /// <summary>
    /// Nothing in the app listens to the SDK's event source or activities, and its telemetry header is Microsoft's,
    /// so the pipeline is built without those policies; each costs start-up time and every request.
    /// </summary>
    private static TOptions WithoutSdkDiagnostics<TOptions>(TOptions options)
        where TOptions : ClientOptions
    {
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsDistributedTracingEnabled = false;
        options.Diagnostics.IsTelemetryEnabled = false;
        return options;
    }

    public TableServiceClient Tables => _tables.Value;

    public QueueServiceClient Queues => _queues.Value;

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

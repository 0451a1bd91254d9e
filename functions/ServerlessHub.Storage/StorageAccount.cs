using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ServerlessHub.Storage;

/// <summary>
/// The storage account named by the <c>AzureWebJobsStorage</c> setting — a connection string (Azurite locally), or the
/// account's service URIs and a Microsoft Entra credential (a managed identity on Azure). Clients are thread-safe, so
/// one account serves the whole app.
/// </summary>
/// <remarks>
/// The clients are built on first use, because building them loads and initialises the Azure SDK, a large part of
/// cold start (tests/ServerlessHub.Benchmarks/README.md).
/// </remarks>
public sealed class StorageAccount
{
    private readonly Func<TableClientOptions, TableServiceClient> _newTables;
    private readonly Func<QueueClientOptions, QueueServiceClient> _newQueues;
    private readonly Lazy<TableServiceClient> _tables;
    private readonly Lazy<QueueServiceClient> _queues;

    /// <param name="connectionString">A storage connection string (account key or SAS), or <c>UseDevelopmentStorage=true</c>.</param>
    public StorageAccount(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _newTables = options => new TableServiceClient(connectionString, options);
        _newQueues = options => new QueueServiceClient(connectionString, options);
        _tables = new(() => _newTables(TableOptions()));
        _queues = new(() => _newQueues(QueueOptions()));
    }

    /// <param name="tableServiceUri">The Table service, e.g. <c>https://account.table.core.windows.net</c>.</param>
    /// <param name="queueServiceUri">The Queue service, e.g. <c>https://account.queue.core.windows.net</c>.</param>
    /// <param name="credential">
    /// Creates the credential that both clients use, on first use like the clients: creating a credential loads the
    /// identity libraries.
    /// </param>
    public StorageAccount(Uri tableServiceUri, Uri queueServiceUri, Func<TokenCredential> credential)
    {
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        var shared = new Lazy<TokenCredential>(credential);
        _newTables = options => new TableServiceClient(tableServiceUri, shared.Value, options);
        _newQueues = options => new QueueServiceClient(queueServiceUri, shared.Value, options);
        _tables = new(() => _newTables(TableOptions()));
        _queues = new(() => _newQueues(QueueOptions()));
    }

    /// <summary>
    /// Clients of the same account that try each call once, within <paramref name="timeout"/>: for a health probe,
    /// which should report the first failure as it is (a refused connection, a 403) rather than retry it into a
    /// timeout.
    /// </summary>
    public (TableServiceClient Tables, QueueServiceClient Queues) CreateProbeClients(TimeSpan timeout)
    {
        var tables = TableOptions();
        tables.Retry.MaxRetries = 0;
        tables.Retry.NetworkTimeout = timeout;
        var queues = QueueOptions();
        queues.Retry.MaxRetries = 0;
        queues.Retry.NetworkTimeout = timeout;
        return (_newTables(tables), _newQueues(queues));
    }

    private static TableClientOptions TableOptions() => WithoutSdkDiagnostics(new TableClientOptions());

    // Functions queue triggers read and write Base64; the SDK's default is no encoding.
    private static QueueClientOptions QueueOptions() => WithoutSdkDiagnostics(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

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

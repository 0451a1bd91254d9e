using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

// The bare app plus what the hub's health answer needs from storage: the same two clients, built the same way, and
// the same two first requests, started while the app is built and awaited by the first answer. The hub's ratio to
// this app is what our code adds on top of the storage check that the health endpoint must make.
var builder = WebApplication.CreateSlimBuilder(args);
var connectionString = builder.Configuration["AzureWebJobsStorage"] is { Length: > 0 } setting
    ? setting
    : throw new InvalidOperationException("AzureWebJobsStorage names no storage account.");
var storageCheck = CheckStorageAsync(connectionString);
var app = builder.Build();
app.MapGet("/api/health", async () =>
{
    await storageCheck;
    return "healthy";
});
await app.RunAsync();

static async Task CheckStorageAsync(string connectionString)
{
    var (tables, queues) = await Task.Run(() => (
        new TableServiceClient(connectionString, WithoutDiagnostics(new TableClientOptions())),
        new QueueServiceClient(connectionString, WithoutDiagnostics(new QueueClientOptions()))));
    var tablesReached = Task.Run(async () =>
    {
        await foreach (var _ in tables.QueryAsync(maxPerPage: 1))
        {
            break;
        }
    });
    var queuesReached = Task.Run(() => queues.GetPropertiesAsync());
    await Task.WhenAll(tablesReached, queuesReached);
}

static TOptions WithoutDiagnostics<TOptions>(TOptions options)
    where TOptions : ClientOptions
{
    options.Diagnostics.IsLoggingEnabled = false;
    options.Diagnostics.IsDistributedTracingEnabled = false;
    options.Diagnostics.IsTelemetryEnabled = false;
    return options;
}

using ServerlessHub.Storage;

// The bare app plus what the hub's health answer needs from storage: the hub's own StorageAccount (so the same
// clients, built the same way) and the same two first requests, started while the app is built and awaited by the
// first answer. The hub's ratio to this app is what our code adds on top of the storage check the health endpoint
// must make.
var builder = WebApplication.CreateSlimBuilder(args);
var storage = new StorageAccount(builder.Configuration["AzureWebJobsStorage"] is { Length: > 0 } setting
    ? setting
    : throw new InvalidOperationException("AzureWebJobsStorage names no storage account."));
var storageCheck = CheckStorageAsync(storage);
var app = builder.Build();
app.MapGet("/api/health", async () =>
{
    await storageCheck;
    return "healthy";
});
await app.RunAsync();

static async Task CheckStorageAsync(StorageAccount storage)
{
    await Task.Run(() => (storage.Tables, storage.Queues));
    var tablesReached = Task.Run(async () =>
    {
        await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1))
        {
            break;
        }
    });
    var queuesReached = Task.Run(() => storage.Queues.GetPropertiesAsync());
    await Task.WhenAll(tablesReached, queuesReached);
}

using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessHub.LocalHost;
using ServerlessHub.Testing;

namespace ServerlessHub.Faults;

/// <summary>
/// A function finishes while storage is gone, so its message cannot be deleted: the WebJobs SDK reports that as an
/// unhandled listener error, which its own handler turns into a crash of the process. The local host restarts its
/// queue listener instead, and work goes on once storage is back.
/// </summary>
public sealed class ListenerRestartTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly string _location = Directory.CreateTempSubdirectory("azurite-listener-").FullName;
    private readonly InvocationRecorder _recorder = new();
    private readonly CapturedLog _log = new();
    private Azurite _azurite = null!;

    public async ValueTask InitializeAsync() => _azurite = await Azurite.StartPersistentAsync(_location, _ct);

    [Fact]
    public async Task MessageCannotBeCompletedWhileStorageIsDown_ListenerRestartsAndTheMessageIsHandledAgainAfterwards()
    {
        var queue = new QueueClient(_azurite.ConnectionString, "gated", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        await using var app = await HubInstance.StartAsync(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
                ["GatedQueue"] = "gated",
            },
            services => services.AddSingleton(_recorder).AddLogging(logging => logging.AddProvider(_log).AddFilter<CapturedLog>(null, LogLevel.Information)),
            [typeof(GatedFunction)],
            _ct);
        await queue.SendMessageAsync("第一条", _ct);
        await _recorder.Started.Task.WaitAsync(_ct);

        await _azurite.StopAsync(_ct);
        _recorder.Gate.SetResult();
        await Polling.UntilAsync(() => _log.Count("QueueListenerRestarted") == 1, _ct);
        await _azurite.ExpireQueueInvisibilityAsync(_ct);
        await _azurite.RestartAsync(_ct);
        await queue.SendMessageAsync("第二条", _ct);
        await Polling.UntilAsync(async () => (await queue.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount == 0, _ct);

        Assert.Equal(1, _log.Count("QueueListenerRestarting"));
        Assert.Equal([("第一条", 1L), ("第一条", 2L), ("第二条", 1L)], _recorder.Queue.Select(q => (q.Text, q.DequeueCount)).OrderBy(q => q.Text, StringComparer.Ordinal).ThenBy(q => q.DequeueCount));
    }

    public async ValueTask DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_location, recursive: true);
    }
}

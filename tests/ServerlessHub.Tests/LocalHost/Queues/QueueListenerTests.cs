using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Testing;

namespace ServerlessHub.LocalHost.Queues;

/// <summary>
/// The queue-trigger semantics the local host gets from the WebJobs SDK's queue listener, driven with the settings of
/// host.json: each message handled once and deleted, retried and then poisoned with its original body, competed for by
/// two instances, and redelivered after a shutdown that cancelled it.
/// </summary>
public sealed class QueueListenerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InvocationRecorder _recorder = new();

    [Fact]
    public async Task Message_IsProcessedOnceAndDeleted()
    {
        var queue = await QueueAsync("echo");
        await using var hub = await StartAsync(typeof(EchoFunction), ("EchoQueue", queue.Name));

        await queue.SendMessageAsync("""{"text":"本周进展：完成"}""", _ct);

        await Polling.UntilAsync(() => !_recorder.Queue.IsEmpty, _ct);
        await WaitUntilEmptyAsync(queue);
        var seen = Assert.Single(_recorder.Queue);
        Assert.Equal("""{"text":"本周进展：完成"}""", seen.Text);
        Assert.Equal(1, seen.DequeueCount);
    }

    [Fact]
    public async Task FailingFunction_RetriedFiveTimesThenMovedToPoisonWithOriginalBody()
    {
        var queue = await QueueAsync("fail");
        await using var hub = await StartAsync(typeof(FailingFunction), ("FailsQueue", queue.Name), ("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:00"));
        var poison = new QueueClient(azurite.ConnectionString, $"{queue.Name}-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        await queue.SendMessageAsync("""{"kind":"weekly","unit":"秣陵中心幼儿园"}""", _ct);

        await Polling.UntilAsync(async () => await poison.ExistsAsync(_ct) && (await poison.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount > 0, _ct);
        var poisoned = Assert.Single((await poison.ReceiveMessagesAsync(10, cancellationToken: _ct)).Value);
        Assert.Equal("""{"kind":"weekly","unit":"秣陵中心幼儿园"}""", poisoned.Body.ToString());
        Assert.Equal([1L, 2, 3, 4, 5], _recorder.Queue.Select(q => q.DequeueCount).Order());
        await WaitUntilEmptyAsync(queue);
    }

    [Fact]
    public async Task TwoInstances_ProcessEachMessageOnce()
    {
        var queue = await QueueAsync("pair");
        await using var first = await StartAsync(typeof(EchoFunction), ("EchoQueue", queue.Name));
        await using var second = await StartAsync(typeof(EchoFunction), ("EchoQueue", queue.Name));

        var sent = Enumerable.Range(0, 60).Select(i => $$"""{"n":{{i}}}""").ToList();
        foreach (var text in sent)
        {
            await queue.SendMessageAsync(text, _ct);
        }

        await WaitUntilEmptyAsync(queue);
        // Deleted messages were all handled; both instances have stopped, so nothing can still be under way.
        await first.StopAsync(_ct);
        await second.StopAsync(_ct);
        Assert.Equal(sent.Order(), _recorder.Queue.Select(q => q.Text).Order());
    }

    [Fact]
    public async Task Shutdown_CancelsInFlightMessage_WhichIsRedeliveredToAnotherInstance()
    {
        var queue = await QueueAsync("block");
        var hub = await StartAsync(typeof(BlockingFunction), ("BlocksQueue", queue.Name), ("LocalHost:ShutdownGracePeriod", "00:00:00.500"), ("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:01"));
        await queue.SendMessageAsync("""{"n":1}""", _ct);
        await _recorder.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), _ct);

        await hub.StopAsync(_ct);
        await hub.DisposeAsync();

        // The listener holds a message for 10 minutes; it is visible a second later only because shutdown released it.
        await Polling.UntilAsync(async () => (await queue.PeekMessagesAsync(1, _ct)).Value.Length == 1, _ct);
        var released = Assert.Single((await queue.ReceiveMessagesAsync(1, cancellationToken: _ct)).Value);
        Assert.Equal("""{"n":1}""", released.Body.ToString());
        Assert.Equal(2, released.DequeueCount);
    }

    private async Task<HubInstance> StartAsync(Type function, params (string Name, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
        };
        foreach (var (name, value) in settings)
        {
            all[name] = value;
        }

        return await HubInstance.StartAsync(all, services => services.AddSingleton(_recorder), [function], _ct);
    }

    private async Task<QueueClient> QueueAsync(string prefix)
    {
        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName(prefix), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        return queue;
    }

    private async Task WaitUntilEmptyAsync(QueueClient queue) =>
        await Polling.UntilAsync(async () => (await queue.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount == 0, _ct);
}

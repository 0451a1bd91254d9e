using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Testing;

namespace ServerlessHub.Runtime;

public sealed class QueueListenerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InvocationRecorder _recorder = new();

    [Fact]
    public async Task Message_IsProcessedOnceAndDeleted()
    {
        var queueName = AzuriteFixture.UniqueName("echo");
        using var root = new ScriptRoot().WithQueueFunction("Echo", queueName);
        await using var hub = await StartAsync(root, s => s.AddFunction<EchoFunction>("Echo"));
        var queue = await QueueAsync(queueName);

        await queue.SendMessageAsync("""{"text":"本周进展：完成"}""", _ct);

        await Polling.UntilAsync(() => !_recorder.Queue.IsEmpty, _ct);
        await WaitUntilEmptyAsync(queue);
        await Task.Delay(500, _ct);
        var seen = Assert.Single(_recorder.Queue);
        Assert.Equal("""{"text":"本周进展：完成"}""", seen.Text);
        Assert.Equal(1, seen.DequeueCount);
    }

    [Fact]
    public async Task FailingFunction_RetriedFiveTimesThenMovedToPoisonWithOriginalBody()
    {
        var queueName = AzuriteFixture.UniqueName("fail");
        using var root = new ScriptRoot().WithQueueFunction("Fails", queueName);
        await using var hub = await StartAsync(root, s => s.AddFunction<FailingFunction>("Fails"));
        var queue = await QueueAsync(queueName);
        var poison = new QueueClient(azurite.ConnectionString, $"{queueName}-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        await queue.SendMessageAsync("""{"kind":"weekly","unit":"秣陵中心幼儿园"}""", _ct);

        await Polling.UntilAsync(() => poison.Exists(_ct).Value && poison.GetProperties(_ct).Value.ApproximateMessagesCount > 0, _ct);
        var poisoned = Assert.Single((await poison.ReceiveMessagesAsync(10, cancellationToken: _ct)).Value);
        Assert.Equal("""{"kind":"weekly","unit":"秣陵中心幼儿园"}""", poisoned.Body.ToString());
        Assert.Equal([1L, 2, 3, 4, 5], _recorder.Queue.Select(q => q.DequeueCount).Order());
        await WaitUntilEmptyAsync(queue);
    }

    [Fact]
    public async Task TwoInstances_ProcessEachMessageOnce()
    {
        var queueName = AzuriteFixture.UniqueName("pair");
        using var root = new ScriptRoot().WithQueueFunction("Echo", queueName);
        await using var first = await StartAsync(root, s => s.AddFunction<EchoFunction>("Echo"));
        await using var second = await StartAsync(root, s => s.AddFunction<EchoFunction>("Echo"));
        var queue = await QueueAsync(queueName);

        var sent = Enumerable.Range(0, 60).Select(i => $$"""{"n":{{i}}}""").ToList();
        foreach (var text in sent)
        {
            await queue.SendMessageAsync(text, _ct);
        }

        await Polling.UntilAsync(() => _recorder.Queue.Count >= sent.Count, _ct);
        await WaitUntilEmptyAsync(queue);
        await Task.Delay(1000, _ct);
        Assert.Equal(sent.Order(), _recorder.Queue.Select(q => q.Text).Order());
    }

    [Fact]
    public async Task Shutdown_ReleasesInFlightMessageForAnotherInstance()
    {
        var queueName = AzuriteFixture.UniqueName("block");
        using var root = new ScriptRoot().WithQueueFunction("Blocks", queueName);
        var hub = await StartAsync(root, s => s.AddFunction<BlockingFunction>("Blocks"), grace: "00:00:00.500");
        var queue = await QueueAsync(queueName);
        await queue.SendMessageAsync("""{"n":1}""", _ct);
        await _recorder.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), _ct);

        await hub.StopAsync(_ct);
        await hub.DisposeAsync();

        // The message lease is 10 minutes; it is visible at once only because shutdown released it.
        var released = Assert.Single((await queue.ReceiveMessagesAsync(1, cancellationToken: _ct)).Value);
        Assert.Equal("""{"n":1}""", released.Body.ToString());
        Assert.Equal(2, released.DequeueCount);
    }

    private async Task<HubInstance> StartAsync(ScriptRoot root, Action<IServiceCollection> functions, string grace = "00:00:05") =>
        await HubInstance.StartAsync(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["AzureWebJobsScriptRoot"] = root.Path,
                ["Runtime:ShutdownGracePeriod"] = grace,
                ["Runtime:MinPollingInterval"] = "00:00:00.050",
            },
            services =>
            {
                services.AddSingleton(_recorder);
                functions(services);
            },
            _ct);

    private async Task<QueueClient> QueueAsync(string name)
    {
        var queue = new QueueClient(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        return queue;
    }

    private async Task WaitUntilEmptyAsync(QueueClient queue) =>
        await Polling.UntilAsync(() => queue.GetProperties(_ct).Value.ApproximateMessagesCount == 0, _ct);
}

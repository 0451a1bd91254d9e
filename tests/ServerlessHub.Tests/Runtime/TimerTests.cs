using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Runtime;
using ServerlessHub.Testing;

namespace ServerlessHub.Runtime;

public sealed class TimerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InvocationRecorder _recorder = new();

    [Fact]
    public async Task Timer_FiresOnItsSchedule()
    {
        var name = AzuriteFixture.UniqueName("Every");
        using var root = new ScriptRoot().WithTimerFunction(name, "*/1 * * * * *");
        await using var hub = await StartAsync(root, name);

        await Polling.UntilAsync(() => _recorder.Timer.Count >= 3, _ct);

        Assert.All(_recorder.Timer, run => Assert.False(run.IsPastDue));
        var nexts = _recorder.Timer.Select(r => r.Next!.Value).ToList();
        Assert.All(nexts, next => Assert.Equal(0, next.Millisecond));
        Assert.Equal(nexts.Distinct().Count(), nexts.Count);
    }

    [Fact]
    public async Task Timer_RunMissedWhileDown_IsCaughtUpOnceAtStartAsPastDue()
    {
        var name = AzuriteFixture.UniqueName("Daily");
        var missed = DateTimeOffset.UtcNow.AddHours(-3);
        var store = new TimerStatusStore(new StorageAccount(azurite.ConnectionString));
        await store.SetAsync(name, new TimerStatus(missed.AddDays(-1), missed, missed.AddDays(-1)), _ct);
        using var root = new ScriptRoot().WithTimerFunction(name, "0 0 3 * * *");

        await using var hub = await StartAsync(root, name);

        await Polling.UntilAsync(() => !_recorder.Timer.IsEmpty, _ct);
        var run = Assert.Single(_recorder.Timer);
        Assert.True(run.IsPastDue);
        // The runner saves the schedule status after the function returns.
        await Polling.UntilAsync(async () => (await store.GetAsync(name, _ct))?.Last == missed, _ct);
        var status = await store.GetAsync(name, _ct);
        Assert.Equal(missed, status!.Last);
        Assert.True(status.Next > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task TwoInstances_RunEachOccurrenceOnce()
    {
        var name = AzuriteFixture.UniqueName("Shared");
        using var root = new ScriptRoot().WithTimerFunction(name, "*/1 * * * * *");
        await using var first = await StartAsync(root, name);
        await using var second = await StartAsync(root, name);

        await Polling.UntilAsync(() => _recorder.Timer.Count >= 5, _ct);
        await first.StopAsync(_ct);
        await second.StopAsync(_ct);

        var occurrences = _recorder.Timer.Select(r => r.Next).ToList();
        Assert.Equal(occurrences.Distinct().Count(), occurrences.Count);
    }

    private async Task<HubInstance> StartAsync(ScriptRoot root, string function) =>
        await HubInstance.StartAsync(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["AzureWebJobsScriptRoot"] = root.Path,
            },
            services =>
            {
                services.AddSingleton(_recorder);
                services.AddFunction<TimerProbeFunction>(function);
            },
            _ct);
}

using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Runtime;
using ServerlessHub.Testing;

namespace ServerlessHub.LocalHost.Timers;

/// <summary>The local host's timer: on schedule, a missed run caught up once as past due, one run per occurrence across instances.</summary>
public sealed class TimerTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InvocationRecorder _recorder = new();

    [Fact]
    public async Task Timer_FiresOnItsSchedule()
    {
        await using var azurite = await Azurite.StartAsync(_ct);
        await using var hub = await StartAsync(azurite, typeof(EverySecondFunction));

        await Polling.UntilAsync(() => _recorder.Timer.Count >= 3, _ct);

        Assert.All(_recorder.Timer, run => Assert.False(run.IsPastDue));
        var nexts = _recorder.Timer.Select(r => r.ScheduleStatus!.Next).ToList();
        Assert.All(nexts, next => Assert.Equal(0, next.Millisecond));
        Assert.Equal(nexts.Distinct().Count(), nexts.Count);
    }

    [Fact]
    public async Task Timer_RunMissedWhileDown_IsCaughtUpOnceAtStartAsPastDue()
    {
        await using var azurite = await Azurite.StartAsync(_ct);
        var missed = DateTimeOffset.UtcNow.AddHours(-3);
        var store = new TimerStatusStore(new StorageAccount(azurite.ConnectionString));
        await store.SetAsync("Daily", new TimerStatus(missed.AddDays(-1), missed, missed.AddDays(-1)), _ct);

        await using var hub = await StartAsync(azurite, typeof(DailyFunction));

        await Polling.UntilAsync(() => !_recorder.Timer.IsEmpty, _ct);
        var run = Assert.Single(_recorder.Timer);
        Assert.True(run.IsPastDue);
        // The runner saves the schedule status after the function returns.
        await Polling.UntilAsync(async () => (await store.GetAsync("Daily", _ct))?.Last == missed, _ct);
        var status = await store.GetAsync("Daily", _ct);
        Assert.True(status!.Next > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task TwoInstances_RunEachOccurrenceOnce()
    {
        await using var azurite = await Azurite.StartAsync(_ct);
        await using var first = await StartAsync(azurite, typeof(EverySecondFunction));
        await using var second = await StartAsync(azurite, typeof(EverySecondFunction));

        await Polling.UntilAsync(() => _recorder.Timer.Count >= 5, _ct);
        await first.StopAsync(_ct);
        await second.StopAsync(_ct);

        var occurrences = _recorder.Timer.Select(r => r.ScheduleStatus!.Next).ToList();
        Assert.Equal(occurrences.Distinct().Count(), occurrences.Count);
    }

    private async Task<HubInstance> StartAsync(Azurite azurite, Type function) =>
        await HubInstance.StartAsync(
            new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString },
            services => services.AddSingleton(_recorder),
            [function],
            _ct);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.Schedule;

public sealed class TickFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingWork _work = new();

    [Fact]
    public async Task Tick_Consecutive_WindowsTileTimeFromTheWatermark()
    {
        var tick = await CreateSutAsync();

        await InvokeAsync(tick);
        _time.Advance(TimeSpan.FromMinutes(1));
        await InvokeAsync(tick);

        Assert.Equal(
            [
                new TickWindow(_time.GetUtcNow().AddMinutes(-2), _time.GetUtcNow().AddMinutes(-1)),
                new TickWindow(_time.GetUtcNow().AddMinutes(-1), _time.GetUtcNow()),
            ],
            _work.Windows);
    }

    [Fact]
    public async Task Tick_AfterHoursDown_CatchesUpTheWholeGapInOneWindow()
    {
        var tick = await CreateSutAsync();
        await InvokeAsync(tick);
        var lastSeen = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromHours(3));
        await InvokeAsync(tick, isPastDue: true);

        Assert.Equal(new TickWindow(lastSeen, _time.GetUtcNow()), _work.Windows[^1]);
    }

    [Fact]
    public async Task Tick_WorkFails_WatermarkStaysSoTheNextTickRetriesTheWindow()
    {
        var tick = await CreateSutAsync();
        await InvokeAsync(tick);
        var lastSeen = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        _work.FailNext = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => InvokeAsync(tick));
        _time.Advance(TimeSpan.FromMinutes(1));
        await InvokeAsync(tick);

        Assert.Equal(new TickWindow(lastSeen, _time.GetUtcNow()), _work.Windows[^1]);
    }

    private async Task<TickFunction> CreateSutAsync()
    {
        // Each test has its own Azurite table: the watermark is global per storage account.
        var table = new StorageAccount(azurite.ConnectionString).GetTable(TickWatermarkStore.TableName);
        await table.DeleteAsync(_ct);
        return new TickFunction(new TickWatermarkStore(new StorageAccount(azurite.ConnectionString)), [_work], _time, NullLogger<TickFunction>.Instance);
    }

    private Task InvokeAsync(TickFunction tick, bool isPastDue = false) => tick.RunAsync(new TimerInfo { IsPastDue = isPastDue }, _ct);

    private sealed class RecordingWork : IScheduledWork
    {
        public List<TickWindow> Windows { get; } = [];

        public bool FailNext { get; set; }

        public Task RunAsync(TickWindow window, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("Scheduled work failed.");
            }

            Windows.Add(window);
            return Task.CompletedTask;
        }
    }
}

using ServerlessHub.Storage;
using ServerlessHub.Storage.Outbound;

namespace ServerlessHub.Outbound;

public sealed class SendReservationStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 2, 0, 0, 123, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly SendReservationStore _sut = new(new StorageAccount(azurite.ConnectionString));

    [Fact]
    public async Task Get_KeysNeverWritten_EmptyLogsInTheOrderAsked()
    {
        var scope = AzuriteFixture.UniqueName("app|");

        var logs = await _sut.GetAsync(scope, ["lina", "zhangwei"], _ct);

        Assert.Equal(["lina", "zhangwei"], logs.Select(l => l.Key));
        Assert.All(logs, l => Assert.Equal((0, null), (l.Sends.Count, l.ETag)));
    }

    [Fact]
    public async Task TrySave_ThenGet_ReturnsEachLogToTheTick()
    {
        var scope = AzuriteFixture.UniqueName("app|");
        var read = await _sut.GetAsync(scope, ["lina", "zhangwei"], _ct);

        var saved = await _sut.TrySaveAsync(scope, [read[0] with { Sends = [At, At.AddTicks(1)] }, read[1] with { Sends = [At.AddSeconds(5)] }], _ct);
        var logs = await _sut.GetAsync(scope, ["zhangwei", "lina"], _ct);

        Assert.True(saved);
        Assert.Equal([At.AddSeconds(5)], logs[0].Sends);
        Assert.Equal([At, At.AddTicks(1)], logs[1].Sends);
        Assert.All(logs, l => Assert.NotNull(l.ETag));
    }

    [Fact]
    public async Task TrySave_OneRowChangedSinceItWasRead_RefusedAndNothingWritten()
    {
        var scope = AzuriteFixture.UniqueName("app|");
        var empty = await _sut.GetAsync(scope, ["lina", "zhangwei"], _ct);
        Assert.True(await _sut.TrySaveAsync(scope, [empty[0] with { Sends = [At] }, empty[1] with { Sends = [At] }], _ct));
        var read = await _sut.GetAsync(scope, ["lina", "zhangwei"], _ct);
        Assert.True(await _sut.TrySaveAsync(scope, [read[1] with { Sends = [At, At.AddSeconds(1)] }], _ct));

        var stale = await _sut.TrySaveAsync(scope, [read[0] with { Sends = [At, At.AddSeconds(2)] }, read[1] with { Sends = [At, At.AddSeconds(2)] }], _ct);
        var logs = await _sut.GetAsync(scope, ["lina", "zhangwei"], _ct);

        Assert.False(stale);
        Assert.Equal([At], logs[0].Sends);
        Assert.Equal([At, At.AddSeconds(1)], logs[1].Sends);
    }

    [Fact]
    public async Task TrySave_RowCreatedByAnotherSinceItWasReadAbsent_Refused()
    {
        var scope = AzuriteFixture.UniqueName("robot|");
        var absent = (await _sut.GetAsync(scope, ["robot"], _ct))[0];
        Assert.True(await _sut.TrySaveAsync(scope, [absent with { Sends = [At] }], _ct));

        var second = await _sut.TrySaveAsync(scope, [absent with { Sends = [At.AddSeconds(1)] }], _ct);

        Assert.False(second);
        Assert.Equal([At], (await _sut.GetAsync(scope, ["robot"], _ct))[0].Sends);
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessHub.Hubs;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Outbound;

namespace ServerlessHub.Outbound;

/// <summary>
/// The limiter against Azurite with a clock that stands still unless a test moves it, and <c>MaxWait</c> 0: a turn that
/// is free now is taken (null), any other is answered with its wait, so each call shows what the limiter decided.
/// </summary>
public sealed class SendRateLimiterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly StorageAccount _account = new(azurite.ConnectionString);

    private delegate RateScope AppScopeOf(params string[] users);

    [Fact]
    public async Task WaitForTurn_MemberAtTheLimitThroughOtherMessages_MessageNamingThemWaitsAWindow()
    {
        var sut = CreateSut();
        var app = AppScope(3);

        Assert.Null(await sut.WaitForTurnAsync(app("zhangwei"), _ct));
        Assert.Null(await sut.WaitForTurnAsync(app("zhangwei"), _ct));
        Assert.Null(await sut.WaitForTurnAsync(app("zhangwei", "lina"), _ct));
        var toFull = await sut.WaitForTurnAsync(app("wangfang", "ZhangWei"), _ct);
        var toOthers = await sut.WaitForTurnAsync(app("lina", "wangfang"), _ct);

        Assert.Equal(Window + Margin, toFull);
        Assert.Null(toOthers);
    }

    [Fact]
    public async Task WaitForTurn_AWindowAfterTheOldestSend_MemberMayReceiveAgain()
    {
        var sut = CreateSut();
        var app = AppScope(2);
        Assert.Null(await sut.WaitForTurnAsync(app("liuyang"), _ct));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(await sut.WaitForTurnAsync(app("liuyang"), _ct));

        var third = await sut.WaitForTurnAsync(app("liuyang"), _ct);
        _time.Advance(third!.Value);
        var thirdAgain = await sut.WaitForTurnAsync(app("liuyang"), _ct);

        Assert.Equal(Window + Margin - TimeSpan.FromSeconds(20), third);
        Assert.Null(thirdAgain);
    }

    [Fact]
    public async Task WaitForTurn_ManyCallersAtOnceToOneMember_ExactlyTheLimitGetATurn()
    {
        var sut = CreateSut();
        var app = AppScope(5);

        var turns = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => sut.WaitForTurnAsync(app("chenjing"), _ct), _ct)));

        Assert.Equal(5, turns.Count(t => t is null));
        Assert.All(turns.Where(t => t is not null), t => Assert.Equal(Window + Margin, t));
    }

    [Fact]
    public async Task WaitForTurn_120Members_TurnTakenForEveryOneAcrossQueriesAndTransactions()
    {
        var sut = CreateSut();
        var app = AppScope(1);
        var members = Enumerable.Range(0, 120).Select(i => $"member{i:D3}").ToArray();

        Assert.Null(await sut.WaitForTurnAsync(app(members), _ct));

        // The first and last of each query (14 keys) and of each transaction (100 keys).
        foreach (var member in new[] { members[0], members[13], members[14], members[99], members[100], members[119] })
        {
            Assert.Equal(Window + Margin, await sut.WaitForTurnAsync(app(member), _ct));
        }

        Assert.Null(await sut.WaitForTurnAsync(app("member120"), _ct));
    }

    [Fact]
    public async Task WaitForTurn_MessageToFiveMembers_CostsTwoStorageRequestsNotTwoPerMember()
    {
        var sut = CreateSut();
        var app = AppScope(30);
        Assert.Null(await sut.WaitForTurnAsync(app("warmup"), _ct));
        using var requests = new TableRequestCounter(azurite.TablePort);

        Assert.Null(await sut.WaitForTurnAsync(app("zhangwei"), _ct));
        var one = requests.Take();
        Assert.Null(await sut.WaitForTurnAsync(app("zhangwei", "lina", "wangfang", "liuyang", "chenjing"), _ct));
        var five = requests.Take();
        Assert.Null(await sut.WaitForTurnAsync(app([.. Enumerable.Range(0, 20).Select(i => $"u{i}")]), _ct));
        var twenty = requests.Take();

        Assert.Equal((2, 2, 3), (one, five, twenty));
    }

    private SendRateLimiter CreateSut() => new(
        new SendReservationStore(_account),
        Options.Create(new OutboundOptions { RateWindow = Window, RateMargin = Margin, MaxWait = TimeSpan.Zero }),
        _time);

    /// <summary>A scope per test: every test has an app (a partition) of its own in the shared Azurite.</summary>
    private static AppScopeOf AppScope(int limit)
    {
        var none = new SecretReference(SecretSource.AppSetting, "UNUSED");
        var app = new WeComAppSettings(AzuriteFixture.UniqueName("ww"), 1000002, none, none, none);
        return users => new AppMessageTarget(app, "secret", users, "成员").Scope(new OutboundOptions { AppMessagesPerWindow = limit });
    }

    /// <summary>Counts this process's HTTP requests to one Azurite table port, from the HTTP client's own metric.</summary>
    private sealed class TableRequestCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        public TableRequestCounter(int port)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "server.port" && tag.Value is int p && p == port)
                    {
                        Interlocked.Increment(ref _count);
                    }
                }
            });
            _listener.Start();
        }

        /// <summary>The requests counted since the last call.</summary>
        public int Take() => Interlocked.Exchange(ref _count, 0);

        public void Dispose() => _listener.Dispose();
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Testing;

namespace ServerlessHub.Hubs;

/// <summary>The hub cache: a stale hub is loaded once for every request waiting for it.</summary>
public sealed class HubCatalogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task StaleHub_ManyRequestsAtOnce_OneLoadServesThemAll()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var store = new HubStore(new StorageAccount(azurite.ConnectionString));
        var hubId = AzuriteFixture.UniqueName("catalog-");
        await store.ApplyAsync(hubId, LargeHubDocument.Build(hubId, "缓存测试协作体", 500), "test", clock.GetUtcNow(), _ct);
        var catalog = new HubCatalog(store, clock, NullLogger<HubCatalog>.Instance);
        var first = await catalog.GetAsync(hubId, _ct);

        clock.SetUtcNow(clock.GetUtcNow() + HubCatalog.Freshness + TimeSpan.FromSeconds(1));
        var refreshed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => catalog.GetAsync(hubId, _ct), _ct)));

        Assert.NotNull(first);
        Assert.Single(refreshed.Distinct(ReferenceEqualityComparer.Instance));
        Assert.NotSame(first, refreshed[0]);
        Assert.Same(refreshed[0], await catalog.GetAsync(hubId, _ct));
    }
}

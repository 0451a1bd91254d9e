using ServerlessHub.Storage;
using ServerlessHub.Storage.Reminders;

namespace ServerlessHub.Reminders;

/// <summary>The claims that make each reminder go out once, against real table storage.</summary>
public sealed class ReminderStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryClaim_RetryOfTheSameQueueMessage_IsClaimedAgain_AnotherCopyIsNot()
    {
        var store = new ReminderStore(new StorageAccount(azurite.ConnectionString));
        var hub = AzuriteFixture.UniqueName("hub");
        var record = new ReminderRecord("-1d", 0, "lina", DateTimeOffset.UtcNow, "queued", "reminder:weekly:2026-W48:0:lina", false);

        var first = await store.TryClaimAsync(hub, "weekly", "2026-W48", record, "queue-message-1", _ct);
        var retry = await store.TryClaimAsync(hub, "weekly", "2026-W48", record, "queue-message-1", _ct);
        var copy = await store.TryClaimAsync(hub, "weekly", "2026-W48", record, "queue-message-2", _ct);

        Assert.Equal((ReminderClaim.Claimed, ReminderClaim.Claimed, ReminderClaim.Taken), (first, retry, copy));
        Assert.Single(await store.ListAsync(hub, "weekly", "2026-W48", _ct));
    }

    [Fact]
    public async Task TryOpen_Twice_OpensOnce_AndRemembersWhoWasExpected()
    {
        var store = new ReminderStore(new StorageAccount(azurite.ConnectionString));
        var hub = AzuriteFixture.UniqueName("hub");

        var first = await store.TryOpenAsync(hub, "weekly", "2026-W48", ["a", "b"], DateTimeOffset.UtcNow, _ct);
        var second = await store.TryOpenAsync(hub, "weekly", "2026-W48", ["a", "b", "c"], DateTimeOffset.UtcNow, _ct);
        await store.MarkLadderQueuedAsync(hub, "weekly", "2026-W48", _ct);

        Assert.Equal((true, false), (first, second));
        var opened = await store.GetOpenedAsync(hub, "weekly", "2026-W48", _ct);
        Assert.Equal(["a", "b"], opened!.ExpectedIds);
        Assert.True(opened.LadderQueued);
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary>
/// Serves hubs by id from their current stored version, parsed once and kept for <see cref="Freshness"/> so hot paths
/// pay no storage round trip for the definition. An apply through this instance is seen at once; one through another
/// instance within <see cref="Freshness"/>. When a hub goes stale, one load serves every request waiting for it: a
/// large hub's definition is read and parsed once per refresh, not once per request arriving at that moment.
/// </summary>
public sealed class HubCatalog(HubStore store, TimeProvider time, ILogger<HubCatalog> logger)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _hubs = new(StringComparer.Ordinal);

    public async Task<Hub?> GetAsync(string hubId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            if (_hubs.TryGetValue(hubId, out var cached) && (cached.Until > now || !cached.Hub.IsValueCreated || !cached.Hub.Value.IsCompleted))
            {
                return await WaitAsync(hubId, cached, cancellationToken).ConfigureAwait(false);
            }

            // Shared by every caller, so one caller's cancellation must not end it.
            var fresh = new Entry(new Lazy<Task<Hub?>>(() => LoadAsync(hubId)), now + Freshness);
            if (cached is null ? _hubs.TryAdd(hubId, fresh) : _hubs.TryUpdate(hubId, fresh, cached))
            {
                return await WaitAsync(hubId, fresh, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Forget(string hubId) => _hubs.TryRemove(hubId, out _);

    /// <summary>Every stored hub that loads, for scheduled work that visits them all.</summary>
    public async IAsyncEnumerable<Hub> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var hubId in await store.ListHubIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await GetAsync(hubId, cancellationToken).ConfigureAwait(false) is { } hub)
            {
                yield return hub;
            }
        }
    }

    private async Task<Hub?> WaitAsync(string hubId, Entry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await entry.Hub.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Hub.Value.IsFaulted)
        {
            // A failed load is not kept: the next request tries storage again.
            _hubs.TryRemove(new KeyValuePair<string, Entry>(hubId, entry));
            throw;
        }
    }

    private async Task<Hub?> LoadAsync(string hubId)
    {
        var stored = await store.GetCurrentAsync(hubId, CancellationToken.None).ConfigureAwait(false);
        return stored is null ? null : Load(stored);
    }

    private Hub? Load(HubVersion stored)
    {
        var parsed = HubDefinitionParser.Parse(stored.Document);
        if (!parsed.Succeeded)
        {
            // Only validated documents are stored; this means the validator became stricter since.
            HubLog.StoredHubInvalid(logger, stored.HubId, stored.Version, parsed.Errors.Count);
            return null;
        }

        return new Hub(parsed.Definition!, stored.Version, year => HubLog.NoCalendarData(logger, stored.HubId, year));
    }

    private sealed record Entry(Lazy<Task<Hub?>> Hub, DateTimeOffset Until);
}

internal static partial class HubLog
{
    [LoggerMessage(1200, LogLevel.Error, "Stored hub {HubId} version {Version} no longer validates ({ErrorCount} errors); re-apply it", EventName = "StoredHubInvalid")]
    public static partial void StoredHubInvalid(ILogger logger, string hubId, int version, int errorCount);

    [LoggerMessage(1201, LogLevel.Warning, "Hub {HubId}: no statutory calendar data for {Year}; Monday to Friday are taken as working days", EventName = "NoCalendarData")]
    public static partial void NoCalendarData(ILogger logger, string hubId, int year);

    [LoggerMessage(1202, LogLevel.Information, "Hub {HubId} applied by {AppliedBy}: {Outcome}, version {Version}", EventName = "HubApplied")]
    public static partial void HubApplied(ILogger logger, string hubId, string appliedBy, HubApplyOutcome outcome, int version);
}

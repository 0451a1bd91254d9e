using Microsoft.Extensions.Options;
using ServerlessHub.Storage.Outbound;

namespace ServerlessHub.Outbound;

/// <summary>
/// Spaces sends to a rate-limited destination across every instance sharing the storage account, as a sliding log:
/// send n may go out no sooner than <see cref="OutboundOptions.RateWindow"/> (plus the margin) after send n − limit,
/// so no rolling window ever holds more than the limit — WeCom counts a rolling minute, so fixed windows would let
/// twice the limit through across a window edge. Sends are numbered by insert-if-absent in
/// <see cref="SendReservationStore"/>, so two instances never take the same turn. Nothing is dropped: a caller whose
/// turn is further away than <see cref="OutboundOptions.MaxWait"/> is told how long to stay away instead.
/// </summary>
public sealed class SendRateLimiter(SendReservationStore store, IOptions<OutboundOptions> options, TimeProvider time)
{
    /// <returns>Null once the caller's turn has come (after waiting for it in-process), or how long to stay away.</returns>
    public async Task<TimeSpan?> WaitForTurnAsync(RateScope scope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (true)
        {
            var latest = await store.LatestAsync(scope.Key, scope.Limit, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var at = now;
            long sequence = 0;
            if (latest.Count > 0)
            {
                sequence = latest[0].Sequence + 1;
                at = Later(at, latest[0].At);
            }

            if (latest.Count >= scope.Limit)
            {
                at = Later(at, latest[scope.Limit - 1].At + settings.RateWindow + settings.RateMargin);
            }

            if (at - now > settings.MaxWait)
            {
                return at - now;
            }

            if (!await store.TryAddAsync(scope.Key, new SendReservation(sequence, at), cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (sequence >= scope.Limit)
            {
                // Later turns look back at most limit − 1 sends before themselves; this one is no longer needed.
                await store.DeleteAsync(scope.Key, sequence - scope.Limit, cancellationToken).ConfigureAwait(false);
            }

            if (at > now)
            {
                await Task.Delay(at - now, time, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

using Microsoft.Extensions.Options;
using ServerlessHub.Storage.Outbound;

namespace ServerlessHub.Outbound;

/// <summary>
/// Spaces sends to rate-limited keys across every instance sharing the storage account, as a sliding log per key (a
/// robot, or one member of an app): a send may go out no sooner than <see cref="OutboundOptions.RateWindow"/> (plus the
/// margin) after the send <c>limit</c> places before it to the same key, so no rolling window ever holds more than the
/// limit — WeCom counts a rolling minute, so fixed windows would let twice the limit through across a window edge. A
/// send to several keys (an app message to several members) waits for the latest of their turns and takes that turn
/// for all of them at once. Nothing is dropped: a caller whose turn is further away than
/// <see cref="OutboundOptions.MaxWait"/> is told how long to stay away instead, so a batch of messages to one member
/// (a round of reminders) is spread over windows, each message re-enqueued until its turn.
/// </summary>
/// <remarks>
/// <para>Storage cost per send to N keys: the N logs are read with one point read when N = 1, otherwise one query per
/// <see cref="SendReservationStore.KeysPerQuery"/> keys, issued together; they are written back with one conditional
/// entity-group transaction per <see cref="SendReservationStore.KeysPerTransaction"/> keys. So a message to up to 14
/// members costs two round trips, where a partition per member would cost two or three per member, and messages to
/// disjoint members never contend (conditions are per row). The price: all members of an app share one partition
/// (Table Storage's 2,000 entities a second per partition is far above what WeCom lets an app send), and two messages
/// naming the same member race, the loser reading again — as two sends to one robot always did.</para>
/// <para>Above 100 keys the turn spans several transactions and is not atomic. When a later one fails, the whole turn
/// is computed and written again, so keys already written keep an extra, earlier entry that is never sent: it can only
/// make their limit stricter for a window, never let more through, because a log holding more sends than happened
/// only ever delays the next turn.</para>
/// </remarks>
public sealed class SendRateLimiter(SendReservationStore store, IOptions<OutboundOptions> options, TimeProvider time)
{
    /// <returns>Null once the caller's turn has come (after waiting for it in-process), or how long to stay away.</returns>
    public async Task<TimeSpan?> WaitForTurnAsync(RateScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var settings = options.Value;
        var spacing = settings.RateWindow + settings.RateMargin;
        while (true)
        {
            var logs = await store.GetAsync(scope.Partition, scope.Keys, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var at = now;
            foreach (var log in logs)
            {
                if (log.Sends.Count > 0)
                {
                    // Never before a send already reserved for the key, so each log stays in order and its
                    // limit-th latest entry is the one the window counts from.
                    at = Later(at, log.Sends[^1]);
                }

                if (log.Sends.Count >= scope.Limit)
                {
                    at = Later(at, log.Sends[^scope.Limit] + spacing);
                }
            }

            if (at - now > settings.MaxWait)
            {
                return at - now;
            }

            if (!await TryReserveAsync(scope, logs, at, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (at > now)
            {
                await Task.Delay(at - now, time, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
    }

    private async Task<bool> TryReserveAsync(RateScope scope, IReadOnlyList<SendLog> logs, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A log keeps the latest `limit` sends: later turns never look further back.
        foreach (var chunk in logs.Chunk(SendReservationStore.KeysPerTransaction))
        {
            var reserved = chunk.Select(log => log with { Sends = [.. log.Sends.TakeLast(scope.Limit - 1), at] }).ToList();
            if (!await store.TrySaveAsync(scope.Partition, reserved, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

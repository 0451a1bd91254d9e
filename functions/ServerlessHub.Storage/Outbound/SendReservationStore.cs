using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Outbound;

/// <summary>A numbered send reserved for a rate-limited destination, at the instant it may go out.</summary>
public sealed record SendReservation(long Sequence, DateTimeOffset At);

/// <summary>
/// The <c>sendreservations</c> table: per rate-limited destination (its scope is the partition), a numbered row per
/// send, shared by every instance. Numbers are claimed by insert-if-absent, so two instances never hold the same one.
/// Row keys count down from <see cref="long.MaxValue"/>, so the newest reservations come first in a partition query.
/// </summary>
public sealed class SendReservationStore(StorageAccount account)
{
    public const string TableName = "sendreservations";

    /// <summary>The newest <paramref name="count"/> reservations of <paramref name="scope"/>, newest first.</summary>
    public async Task<IReadOnlyList<SendReservation>> LatestAsync(string scope, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var latest = new List<SendReservation>(count);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == scope, maxPerPage: count, select: ["RowKey", "At"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            latest.Add(new SendReservation(SequenceOf(entity.RowKey), entity.GetDateTimeOffset("At") ?? default));
            if (latest.Count == count)
            {
                break;
            }
        }

        return latest;
    }

    /// <summary>Claims the reservation's number; false when another caller claimed it first.</summary>
    public async Task<bool> TryAddAsync(string scope, SendReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(scope, Row(reservation.Sequence)) { ["At"] = reservation.At.ToUniversalTime() }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets a reservation no later one depends on; one already gone is done.</summary>
    public async Task DeleteAsync(string scope, long sequence, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(scope, Row(sequence), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private static string Row(long sequence) => (long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture);

    private static long SequenceOf(string row) => long.MaxValue - long.Parse(row, CultureInfo.InvariantCulture);

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

using System.Buffers.Binary;
using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Outbound;

/// <summary>The latest sends reserved for one rate-limited key (a robot, or one member of an app), as read.</summary>
/// <param name="Key">The key, the row key within its scope's partition.</param>
/// <param name="Sends">The instants of its latest sends, oldest first; empty for a key never sent to.</param>
/// <param name="ETag">The row's version when it was read; null when there was no row.</param>
public sealed record SendLog(string Key, IReadOnlyList<DateTimeOffset> Sends, ETag? ETag);

/// <summary>
/// The <c>sendreservations</c> table: a partition per rate scope (a robot, or an app), a row per key in it (the robot,
/// or each member the app messages) holding that key's sliding log — the instants of its latest sends, as UTC ticks
/// in one binary property (8 bytes a send). Logs are changed only by conditional writes: a row that did not exist is
/// inserted if still absent, one that did is replaced only if its ETag is unchanged; so two instances never both take a
/// turn computed from the same state. Several keys of one scope are written in one entity-group transaction, all or
/// nothing.
/// </summary>
public sealed class SendReservationStore(StorageAccount account)
{
    public const string TableName = "sendreservations";

    /// <summary>Keys read by one query: Table Storage allows 15 comparisons in a filter, one is the partition's.</summary>
    public const int KeysPerQuery = 14;

    /// <summary>Keys written by one call: an entity-group transaction holds at most 100 entities.</summary>
    public const int KeysPerTransaction = 100;

    private const string SendsColumn = "Sends";

    /// <summary>
    /// The logs of <paramref name="keys"/> (distinct) in <paramref name="scope"/>, in the order given: one point read for
    /// one key, otherwise one query per <see cref="KeysPerQuery"/> keys, issued together.
    /// </summary>
    public async Task<IReadOnlyList<SendLog>> GetAsync(string scope, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var read = await Task.WhenAll(keys.Chunk(KeysPerQuery).Select(chunk => ReadAsync(table, scope, chunk, cancellationToken))).ConfigureAwait(false);
        var found = read.SelectMany(logs => logs).ToDictionary(log => log.Key, StringComparer.Ordinal);
        return [.. keys.Select(key => found.GetValueOrDefault(key) ?? new SendLog(key, [], null))];
    }

    /// <summary>
    /// Writes at most <see cref="KeysPerTransaction"/> logs of <paramref name="scope"/> together, each on condition that
    /// its row is as read (<see cref="SendLog.ETag"/>; null: still absent). False, with nothing written, when any row
    /// changed since it was read.
    /// </summary>
    public async Task<bool> TrySaveAsync(string scope, IReadOnlyList<SendLog> logs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logs.Count, KeysPerTransaction, nameof(logs));
        var table = await Table(cancellationToken).ConfigureAwait(false);
        try
        {
            if (logs.Count == 1)
            {
                // One row needs no transaction; a plain conditional write costs the same round trip and less parsing.
                var log = logs[0];
                await (log.ETag is { } etag
                    ? table.UpdateEntityAsync(Entity(scope, log), etag, TableUpdateMode.Replace, cancellationToken)
                    : table.AddEntityAsync(Entity(scope, log), cancellationToken)).ConfigureAwait(false);
                return true;
            }

            await table.SubmitTransactionAsync(
                logs.Select(log => log.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(scope, log), etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, Entity(scope, log))),
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private static async Task<IEnumerable<SendLog>> ReadAsync(TableClient table, string scope, string[] keys, CancellationToken cancellationToken)
    {
        if (keys.Length == 1)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(scope, keys[0], cancellationToken: cancellationToken).ConfigureAwait(false);
            return row.HasValue ? [Log(row.Value!)] : [];
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope}") + " and ("
            + string.Join(" or ", keys.Select(key => TableClient.CreateQueryFilter($"RowKey eq {key}"))) + ")";
        var logs = new List<SendLog>(keys.Length);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: keys.Length, select: ["RowKey", SendsColumn], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            logs.Add(Log(entity));
        }

        return logs;
    }

    private static SendLog Log(TableEntity entity)
    {
        var bytes = entity.GetBinary(SendsColumn) ?? [];
        var sends = new DateTimeOffset[bytes.Length / sizeof(long)];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * sizeof(long))), TimeSpan.Zero);
        }

        return new SendLog(entity.RowKey, sends, entity.ETag);
    }

    private static TableEntity Entity(string scope, SendLog log)
    {
        var bytes = new byte[log.Sends.Count * sizeof(long)];
        for (var i = 0; i < log.Sends.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), log.Sends[i].UtcTicks);
        }

        return new TableEntity(scope, log.Key) { [SendsColumn] = bytes };
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

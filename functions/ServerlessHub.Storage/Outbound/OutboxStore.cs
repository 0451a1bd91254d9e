using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Outbound;

/// <summary>
/// The <c>outbox</c> table: one row per part of each outbound message, partitioned by hub and hub-local date
/// (<c>{hubId}|{yyyy-MM-dd}</c>) so a day's deliveries are one partition query. Row keys are the part delivery ids,
/// escaped because table keys may not hold <c>/ \ # ?</c> or control characters.
/// </summary>
public sealed class OutboxStore(StorageAccount account)
{
    public const string TableName = "outbox";
    private const char ListSeparator = '|';

    public async Task<OutboxEntry?> GetAsync(string hubId, DateOnly date, string deliveryId, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition(hubId, date), RowKeyOf(deliveryId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? Read(entity) : null;
    }

    public async Task SaveAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(Write(entry), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A hub's deliveries of one local date, in row key order (by delivery id, then part).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(string hubId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = Partition(hubId, date);
        var entries = new List<OutboxEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(Read(entity));
        }

        return entries;
    }

    /// <summary>
    /// Deletes up to <paramref name="max"/> delivery records of the hub dated before <paramref name="before"/>: the
    /// partition keys sort by date within a hub, so one partition-key range query finds exactly those.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeleteBeforeAsync(string hubId, DateOnly before, int max, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var first = $"{Escape(hubId)}|";
        return await TableDeletion.DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey lt {Partition(hubId, before)}"),
            ["PartitionKey", "RowKey"], _ => true, max, cancellationToken).ConfigureAwait(false);
    }

    private static string Partition(string hubId, DateOnly date) =>
        $"{Escape(hubId)}|{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The row key of a part: its delivery id with <c>% / \ # ?</c> and control characters percent-encoded.</summary>
    public static string RowKeyOf(string deliveryId) => Escape(deliveryId);

    // Percent-escapes what table keys refuse (and '%' itself, so the escaping is reversible).
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"%{(int)c:X2}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static TableEntity Write(OutboxEntry entry) => new(Partition(entry.HubId, entry.Date), RowKeyOf(entry.DeliveryId))
    {
        ["HubId"] = entry.HubId,
        ["Date"] = entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["DeliveryId"] = entry.DeliveryId,
        ["Destination"] = entry.Destination,
        ["Status"] = entry.Status.ToString().ToLowerInvariant(),
        ["ErrCode"] = entry.ErrorCode,
        ["ErrMsg"] = entry.ErrorMessage,
        ["Attempts"] = entry.Attempts,
        ["FirstAttemptAt"] = entry.FirstAttemptAt.ToUniversalTime(),
        ["LastAttemptAt"] = entry.LastAttemptAt.ToUniversalTime(),
        ["InvalidUsers"] = Joined(entry.InvalidUsers),
        ["InvalidParties"] = Joined(entry.InvalidParties),
        ["Note"] = entry.Note,
    };

    private static OutboxEntry Read(TableEntity entity) => new(
        entity.GetString("HubId"),
        DateOnly.ParseExact(entity.GetString("Date"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        entity.GetString("DeliveryId"),
        entity.GetString("Destination") ?? "",
        Enum.Parse<OutboxStatus>(entity.GetString("Status"), ignoreCase: true),
        entity.GetInt32("ErrCode"),
        entity.GetString("ErrMsg"),
        entity.GetInt32("Attempts") ?? 0,
        entity.GetDateTimeOffset("FirstAttemptAt") ?? default,
        entity.GetDateTimeOffset("LastAttemptAt") ?? default,
        Split(entity.GetString("InvalidUsers")),
        Split(entity.GetString("InvalidParties")),
        entity.GetString("Note"));

    private static string? Joined(IReadOnlyList<string> ids) => ids.Count == 0 ? null : string.Join(ListSeparator, ids);

    private static string[] Split(string? ids) => string.IsNullOrEmpty(ids) ? [] : ids.Split(ListSeparator);

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

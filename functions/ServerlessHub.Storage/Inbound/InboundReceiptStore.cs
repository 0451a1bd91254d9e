using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Inbound;

/// <summary>Whether an inbound message may be handled now.</summary>
public enum InboundClaim
{
    /// <summary>This delivery owns the message: handle it, then mark it done.</summary>
    Claimed,
    /// <summary>Handled already (a WeCom redelivery): acknowledge and do nothing.</summary>
    AlreadyDone,
    /// <summary>Another delivery of the same message is being handled right now: try again later.</summary>
    InProgressElsewhere,
}

/// <summary>
/// Gives each WeCom message one effect under redelivery. Partition = hub; row = SHA-256 of the message's dedupe key
/// (MsgId, or FromUserName+CreateTime for events); the row remembers which queue message claimed it, so a retry of
/// that same queue message (after a crash) resumes, while a second copy from WeCom waits and then finds it done.
/// </summary>
public sealed class InboundReceiptStore(StorageAccount account)
{
    public const string TableName = "inbound";

    public async Task<InboundClaim> TryClaimAsync(string hubId, string dedupeKey, string queueMessageId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = Row(dedupeKey);
        try
        {
            await table.AddEntityAsync(new TableEntity(hubId, row) { ["State"] = "processing", ["QueueMessageId"] = queueMessageId, ["At"] = now }, cancellationToken).ConfigureAwait(false);
            return InboundClaim.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(hubId, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            return existing.Value.GetString("State") == "done" ? InboundClaim.AlreadyDone
                : existing.Value.GetString("QueueMessageId") == queueMessageId ? InboundClaim.Claimed
                : InboundClaim.InProgressElsewhere;
        }
    }

    public async Task CompleteAsync(string hubId, string dedupeKey, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(hubId, Row(dedupeKey)) { ["State"] = "done", ["At"] = now }, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Claims a one-time notice (e.g. "an unknown user wrote"); true only for the first caller.</summary>
    public async Task<bool> TryClaimOnceAsync(string hubId, string key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(hubId, Row("once:" + key)) { ["State"] = "done", ["At"] = now }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes up to <paramref name="max"/> of the hub's rows written before <paramref name="before"/>: one query inside
    /// the hub's partition, filtered on the time each row was written.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeleteOlderThanAsync(string hubId, DateTimeOffset before, int max, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        return await TableDeletion.DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {hubId} and At lt {before.ToUniversalTime()}"),
            ["PartitionKey", "RowKey"], _ => true, max, cancellationToken).ConfigureAwait(false);
    }

    private static string Row(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

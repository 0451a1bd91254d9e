using System.Globalization;
using Azure.Data.Tables;
using ServerlessHub.Leave;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Storage.Leave;

/// <summary>
/// Leave records in the <c>leave</c> table, one partition per hub: rows <c>leave|{id}</c> plus idempotency records
/// (<c>i|…</c>). A hub's leave is a single-partition query filtered on the last day.
/// </summary>
public sealed class LeaveStore(StorageAccount account)
{
    public const string TableName = "leave";

    /// <summary>Stores a leave record, with the idempotent answer when the request carried a key.</summary>
    /// <returns>False when a request with the same idempotency key was stored first.</returns>
    public async Task<bool> AddAsync(LeaveRecord leave, string? idempotencyKey, IdempotentResponse? response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leave);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(leave.HubId, Row(leave.Id))
            {
                ["Subject"] = leave.Subject.ToString(),
                ["SubjectId"] = leave.SubjectId,
                ["FirstDay"] = leave.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["LastDay"] = leave.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Reason"] = leave.Reason,
                ["CreatedBy"] = leave.CreatedBy,
                ["CreatedAt"] = leave.CreatedAt.ToUniversalTime(),
            }),
        };
        if (idempotencyKey is not null && response is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(leave.HubId, IdempotentResponse.Row(idempotencyKey))
            {
                ["RequestHash"] = response.RequestHash,
                ["StatusCode"] = response.StatusCode,
                ["Body"] = response.Body,
                ["At"] = leave.CreatedAt.ToUniversalTime(),
            }));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IdempotentResponse?> GetIdempotentResponseAsync(string hubId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(hubId, IdempotentResponse.Row(idempotencyKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue
            ? new IdempotentResponse(response.Value!.GetString("RequestHash") ?? "", response.Value.GetInt32("StatusCode") ?? 200, response.Value.GetString("Body") ?? "")
            : null;
    }

    /// <summary>The hub's leave that ends on or after <paramref name="from"/>: one single-partition query.</summary>
    public async Task<IReadOnlyList<LeaveRecord>> ListAsync(string hubId, DateOnly from, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var fromText = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var list = new List<LeaveRecord>();
        var query = table.QueryAsync<TableEntity>(e => e.PartitionKey == hubId && e.RowKey.CompareTo("leave|") >= 0 && e.RowKey.CompareTo("leave}") < 0 && e.GetString("LastDay").CompareTo(fromText) >= 0, cancellationToken: cancellationToken);
        await foreach (var e in query.ConfigureAwait(false))
        {
            list.Add(new LeaveRecord(
                hubId,
                e.RowKey["leave|".Length..],
                Enum.Parse<LeaveSubject>(e.GetString("Subject")!),
                e.GetString("SubjectId")!,
                DateOnly.ParseExact(e.GetString("FirstDay")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(e.GetString("LastDay")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.GetString("Reason") ?? "",
                e.GetString("CreatedBy") ?? "",
                e.GetDateTimeOffset("CreatedAt") ?? default));
        }

        return list;
    }

    /// <summary>Deletes a leave record; true if it existed.</summary>
    public async Task<bool> DeleteAsync(string hubId, string id, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var response = await table.DeleteEntityAsync(hubId, Row(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    private static string Row(string id) => $"leave|{id}";

    /// <summary>Deletes up to <paramref name="max"/> of the hub's leave idempotency records written before <paramref name="before"/>; leave records stay.</summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeleteIdempotencyRecordsAsync(string hubId, DateTimeOffset before, int max, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        return await IdempotentResponse.DeleteOlderThanAsync(table, hubId, before, max, cancellationToken).ConfigureAwait(false);
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

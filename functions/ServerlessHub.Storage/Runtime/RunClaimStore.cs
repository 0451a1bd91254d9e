using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Runtime;

/// <summary>
/// Claims one run of a scheduled job by inserting its run key if absent, so that several instances sharing a storage
/// account never do the same scheduled work twice. Partitioned by job and UTC day, so a day's claims are one partition.
/// </summary>
public sealed class RunClaimStore(StorageAccount account)
{
    public const string TableName = "runclaims";

    /// <summary>The job under which a timer function's occurrences are claimed.</summary>
    public static string TimerJob(string functionName) => $"timer-{functionName}";

    /// <summary>Returns true if this caller now owns the run; false if another instance claimed it first.</summary>
    public async Task<bool> TryClaimAsync(string job, DateTimeOffset runAt, string owner, CancellationToken cancellationToken = default)
    {
        var utc = runAt.ToUniversalTime();
        var entity = new TableEntity(Partition(job, DateOnly.FromDateTime(utc.UtcDateTime)), utc.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture))
        {
            ["Owner"] = owner,
        };
        try
        {
            await (await Table(cancellationToken).ConfigureAwait(false)).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes up to <paramref name="max"/> of the job's claims for UTC days before <paramref name="before"/>: the
    /// job's partitions sort by day, so one partition-key range query finds exactly those.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeleteBeforeAsync(string job, DateOnly before, int max, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var first = $"{job}|";
        return await TableDeletion.DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey lt {Partition(job, before)}"),
            ["PartitionKey", "RowKey"], _ => true, max, cancellationToken).ConfigureAwait(false);
    }

    private static string Partition(string job, DateOnly day) => $"{job}|{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

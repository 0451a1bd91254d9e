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



    /// <summary>Returns true if this caller now owns the run; false if another instance claimed it first.</summary>
    public async Task<bool> TryClaimAsync(string job, DateTimeOffset runAt, string owner, CancellationToken cancellationToken = default)
    {
        var utc = runAt.ToUniversalTime();
        var entity = new TableEntity($"{job}|{utc:yyyy-MM-dd}", utc.ToString("HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture))
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

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Runtime;

/// <summary>The last and next occurrence of a timer, as the Functions host's schedule monitor keeps them.</summary>
public sealed record TimerStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>Keeps each timer's schedule status so a run missed while no instance was up is detected as past due.</summary>
public sealed class TimerStatusStore(StorageAccount account)
{
    public const string TableName = "timerstatus";
    private const string Partition = "timers";



    public async Task<TimerStatus?> GetAsync(string functionName, CancellationToken cancellationToken = default)
    {
        var response = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(Partition, functionName, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        return new TimerStatus(
            entity.GetDateTimeOffset("Last") ?? DateTimeOffset.MinValue,
            entity.GetDateTimeOffset("Next") ?? DateTimeOffset.MinValue,
            entity.GetDateTimeOffset("LastUpdated") ?? DateTimeOffset.MinValue);
    }

    /// <summary>Records a completed run; never moves the status backwards when instances race.</summary>
    public async Task SetAsync(string functionName, TimerStatus status, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(Partition, functionName, cancellationToken: cancellationToken).ConfigureAwait(false);
            var entity = new TableEntity(Partition, functionName)
            {
                ["Last"] = status.Last,
                ["Next"] = status.Next,
                ["LastUpdated"] = status.LastUpdated,
            };
            try
            {
                if (!current.HasValue || current.Value is null)
                {
                    await (await Table(cancellationToken).ConfigureAwait(false)).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (current.Value.GetDateTimeOffset("Last") >= status.Last)
                {
                    return;
                }

                await (await Table(cancellationToken).ConfigureAwait(false)).UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance wrote first; read again and decide.
            }
        }
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

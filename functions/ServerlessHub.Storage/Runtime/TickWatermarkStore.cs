using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Runtime;

/// <summary>
/// The instant up to which the tick has done all scheduled work. The next tick resumes from it, so a tick missed
/// while no instance ran is caught up rather than skipped.
/// </summary>
public sealed class TickWatermarkStore(StorageAccount account)
{
    public const string TableName = "scheduler";
    private const string Partition = "tick";
    private const string Row = "watermark";


    public async Task<(DateTimeOffset? Watermark, ETag ETag)> GetAsync(CancellationToken cancellationToken = default)
    {
        var response = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity
            ? (entity.GetDateTimeOffset("Watermark"), entity.ETag)
            : (null, default);
    }

    /// <summary>Advances the watermark; false when another writer moved it since <paramref name="etag"/> was read.</summary>
    public async Task<bool> TryAdvanceAsync(DateTimeOffset watermark, ETag etag, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, Row) { ["Watermark"] = watermark.ToUniversalTime() };
        try
        {
            if (etag == default)
            {
                await (await Table(cancellationToken).ConfigureAwait(false)).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await (await Table(cancellationToken).ConfigureAwait(false)).UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage;

/// <summary>
/// Deletes rows a retention sweep found, in entity-group transactions: each holds one partition and at most 100
/// operations, the Table service's limits, so a sweep costs one request per hundred rows.
/// </summary>
public static class TableDeletion
{
    public const int MaxBatch = 100;

    /// <summary>
    /// Queries <paramref name="filter"/> (which must name a partition or a partition-key range, never the whole table)
    /// and deletes up to <paramref name="max"/> of the rows for which <paramref name="expired"/> holds.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public static async Task<int> DeleteWhereAsync(TableClient table, string filter, IReadOnlyList<string> select, Func<TableEntity, bool> expired, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(expired);
        var rows = new List<TableEntity>();
        if (max > 0)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (expired(row))
                {
                    rows.Add(row);
                    if (rows.Count == max)
                    {
                        break;
                    }
                }
            }
        }

        await DeleteAsync(table, rows, cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    private static async Task DeleteAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var batch in partition.Chunk(MaxBatch))
            {
                try
                {
                    await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    // Another sweep deleted some of these first, which fails the whole batch; one by one, a row that is
                    // gone already counts as deleted.
                    foreach (var row in batch)
                    {
                        await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }
}

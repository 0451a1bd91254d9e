using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ServerlessHub.Corpus;

/// <summary>
/// Everything in a storage account, as lines that compare: every table entity (with its ETag, so an overwrite with
/// equal values still shows) and every queue's approximate count and first 32 messages (the app keeps nothing in blobs).
/// </summary>
public static class StorageSnapshot
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var lines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
        {
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                var values = string.Join("; ", entity.Keys.Where(k => k is not ("odata.etag" or "Timestamp")).Order(StringComparer.Ordinal)
                    .Select(k => $"{k}={Convert.ToString(entity[k], CultureInfo.InvariantCulture)}"));
                lines[$"table {table.Name} | {entity.PartitionKey} | {entity.RowKey}"] = $"{entity.ETag} {values}";
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            var client = queues.GetQueueClient(queue.Name);
            var count = (await client.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            var peeked = (await client.PeekMessagesAsync(32, cancellationToken)).Value.Select(m => $"{m.MessageId}:{m.Body}");
            lines[$"queue {queue.Name}"] = $"{count} [{string.Join(", ", peeked)}]";
        }

        return lines;
    }

    /// <summary>Each line that was added, removed or changed, as "+ key", "- key" or "~ key".</summary>
    public static IReadOnlyList<string> Diff(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [
            .. after.Keys.Where(k => !before.ContainsKey(k)).Select(k => $"+ {k}"),
            .. before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"- {k}"),
            .. before.Keys.Where(k => after.TryGetValue(k, out var v) && v != before[k]).Select(k => $"~ {k}"),
        ];
}

using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Submissions;

/// <summary>
/// The first answer to a request that carried an <c>Idempotency-Key</c>, kept with the change it made (same entity-group
/// transaction), so a retry gets the same answer and changes nothing. <see cref="RequestHash"/> tells a retry from a
/// different request that reuses the key.
/// </summary>
public sealed record IdempotentResponse(string RequestHash, int StatusCode, string Body)
{
    public static string Hash(string method, string path, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{body}")));

    internal static string Row(string idempotencyKey) =>
        "i|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    /// <summary>
    /// Deletes the partition's idempotency records (rows <c>i|…</c>, nothing else) written before
    /// <paramref name="before"/>. A record's age is its <c>At</c>, or, for records written before <c>At</c> was kept,
    /// the service's Timestamp (they are never updated, so it is when they were written).
    /// </summary>
    internal static Task<int> DeleteOlderThanAsync(TableClient table, string partition, DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        TableDeletion.DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"i|"} and RowKey lt {"i}"}"),
            ["PartitionKey", "RowKey", "At", "Timestamp"], row => (row.GetDateTimeOffset("At") ?? row.Timestamp) < before, max, cancellationToken);
}

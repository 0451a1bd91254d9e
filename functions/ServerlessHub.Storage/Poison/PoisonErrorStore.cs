using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Poison;

/// <summary>Why a queue message failed its last attempt, as recorded before the queue listener moved it to poison.</summary>
/// <param name="MessageId">The id the message had in its queue (its poison copy gets a new one).</param>
/// <param name="Attempts">The dequeue count of the failed attempt.</param>
/// <param name="Type">The exception's type name.</param>
/// <param name="Message">A short description free of message contents.</param>
/// <param name="At">When the last attempt failed.</param>
public sealed record PoisonError(string MessageId, long Attempts, string Type, string Message, DateTimeOffset At);

/// <summary>
/// The last error of each message that went to a poison queue. Partition = the queue's name; row = SHA-256 of the
/// message body: the queue listener copies the body into a new message with a new id, so the body is the one thing
/// the failing attempt and the poison copy share. Two poison messages with the same body share a row, which is right
/// for identical messages.
/// </summary>
public sealed class PoisonErrorStore(StorageAccount account)
{
    public const string TableName = "poison";

    public async Task RecordAsync(string queueName, string body, PoisonError error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(queueName, Row(body))
        {
            ["MessageId"] = error.MessageId,
            ["Attempts"] = error.Attempts,
            ["Type"] = error.Type,
            ["Message"] = error.Message,
            ["At"] = error.At,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PoisonError?> GetAsync(string queueName, string body, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(queueName, Row(body), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity
            ? new PoisonError(entity.GetString("MessageId") ?? "", entity.GetInt64("Attempts") ?? 0, entity.GetString("Type") ?? "", entity.GetString("Message") ?? "",
                entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue)
            : null;
    }

    /// <summary>Deletes the error of a message that left the poison queue (the SDK treats a missing row as deleted).</summary>
    public async Task DeleteAsync(string queueName, string body, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(queueName, Row(body), ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private static string Row(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}

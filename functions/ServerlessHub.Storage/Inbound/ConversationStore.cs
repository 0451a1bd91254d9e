using Azure.Data.Tables;

namespace ServerlessHub.Storage.Inbound;

/// <summary>
/// Each member's interview (填报会话) as JSON in the <c>conversations</c> table: partition = hub, row = WeCom user id,
/// so reading or ending one is a point operation.
/// </summary>
public sealed class ConversationStore(StorageAccount account)
{
    public const string TableName = "conversations";

    public async Task<string?> GetAsync(string hubId, string userId, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(hubId, userId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.GetString("Json") : null;
    }

    public async Task SaveAsync(string hubId, string userId, string json, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(hubId, userId) { ["Json"] = json }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string hubId, string userId, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(hubId, userId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Digests;

/// <summary>What became of one scheduled digest on one channel.</summary>
/// <param name="Owner">Who claimed it (an instance's tick).</param>
/// <param name="ClaimedAt">When.</param>
/// <param name="QueuedAt">When its message was queued; null while the owner is still at it (or died at it).</param>
/// <param name="Template">The template it was rendered with.</param>
/// <param name="Note">Why the built-in template stood in, if it did.</param>
public sealed record DigestPost(string Owner, DateTimeOffset ClaimedAt, DateTimeOffset? QueuedAt, string? Template, string? Note);

/// <summary>
/// Claims of scheduled digests in the <c>digests</c> table: one row per (hub, report kind, period, digest, channel),
/// partition <c>{hubId}|{reportId}|{periodKey}</c>, row <c>{digestId}|{channelId}</c>. Inserting the row claims the
/// post, so one instance posts it; a claim never marked queued is taken over after a while (its owner died).
/// </summary>
public sealed class DigestPostStore(StorageAccount account)
{
    public const string TableName = "digests";

    /// <summary>Claims the post for <paramref name="owner"/>: true when this caller now owns it (new, or an abandoned claim older than <paramref name="abandonedAfter"/>).</summary>
    public async Task<bool> TryClaimAsync(string hubId, string reportId, string periodKey, string digestId, string channelId, string owner, DateTimeOffset now, TimeSpan abandonedAfter, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity($"{hubId}|{reportId}|{periodKey}", $"{digestId}|{channelId}") { ["Owner"] = owner, ["ClaimedAt"] = now.ToUniversalTime() };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue || existing.Value!.GetDateTimeOffset("QueuedAt") is not null
            || now - (existing.Value.GetDateTimeOffset("ClaimedAt") ?? now) < abandonedAfter)
        {
            return false;
        }

        try
        {
            await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Records that the owner queued the post's message.</summary>
    public async Task MarkQueuedAsync(string hubId, string reportId, string periodKey, string digestId, string channelId, DateTimeOffset at, string template, string? note, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        await table.UpdateEntityAsync(new TableEntity($"{hubId}|{reportId}|{periodKey}", $"{digestId}|{channelId}")
        {
            ["QueuedAt"] = at.ToUniversalTime(),
            ["Template"] = template,
            ["Note"] = note,
        }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The posts of a period (one single-partition query).</summary>
    public async Task<IReadOnlyList<(string DigestId, string ChannelId, DigestPost Post)>> ListAsync(string hubId, string reportId, string periodKey, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = $"{hubId}|{reportId}|{periodKey}";
        var list = new List<(string, string, DigestPost)>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var ids = e.RowKey.Split('|', 2);
            list.Add((ids[0], ids.ElementAtOrDefault(1) ?? "", new DigestPost(e.GetString("Owner") ?? "", e.GetDateTimeOffset("ClaimedAt") ?? default, e.GetDateTimeOffset("QueuedAt"), e.GetString("Template"), e.GetString("Note"))));
        }

        return list;
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

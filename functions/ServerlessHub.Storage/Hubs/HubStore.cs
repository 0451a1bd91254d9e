using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Hubs;

/// <summary>A stored version of a hub definition document, exactly as the coordinator wrote it.</summary>
public sealed record HubVersion(string HubId, int Version, string Document, string ContentHash, DateTimeOffset AppliedAt, string AppliedBy);

/// <summary>What applying a document did.</summary>
public enum HubApplyOutcome
{
    /// <summary>The hub did not exist; version 1 was stored.</summary>
    Created,
    /// <summary>A new version was stored and made current.</summary>
    Updated,
    /// <summary>The document equals the current version; nothing was written.</summary>
    Unchanged,
}

/// <summary>
/// Hub definitions in the <c>hubs</c> table. Partition = hub id; row <c>current</c> points at the newest version and
/// rows <c>v000001</c>… keep every applied version. Reading a hub is one point read of <c>current</c>, which carries a
/// copy of the document so no second read is needed.
/// </summary>
public sealed class HubStore(StorageAccount account)
{
    public const string TableName = "hubs";

    /// <summary>The partition that lists every hub id, so the tick never scans the table.</summary>
    public const string IndexPartition = "_index";
    private const string CurrentRow = "current";

    // A string property holds at most 64 KiB (32 K UTF-16 chars); a document of up to 256 KiB spans several.
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 12;



    /// <summary>Stores <paramref name="document"/> as the hub's new current version unless it equals the current one.</summary>
    public async Task<(HubApplyOutcome Outcome, int Version)> ApplyAsync(string hubId, string document, string appliedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hubId);
        ArgumentNullException.ThrowIfNull(document);
        if (document.Length > ChunkChars * MaxChunks)
        {
            throw new ArgumentException($"A hub document may have at most {ChunkChars * MaxChunks} characters.", nameof(document));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        while (true)
        {
            var current = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(hubId, CurrentRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var currentVersion = current.HasValue ? current.Value!.GetInt32("Version") ?? 0 : 0;
            if (current.HasValue && current.Value!.GetString("ContentHash") == hash)
            {
                await IndexAsync(hubId, cancellationToken).ConfigureAwait(false);
                return (HubApplyOutcome.Unchanged, currentVersion);
            }

            var version = currentVersion + 1;
            var versionRow = Entity(hubId, VersionRow(version), version, document, hash, appliedBy, now);
            var currentRow = Entity(hubId, CurrentRow, version, document, hash, appliedBy, now);
            var batch = new List<TableTransactionAction> { new(TableTransactionActionType.Add, versionRow) };
            batch.Add(current.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, currentRow, current.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, currentRow));
            try
            {
                await (await Table(cancellationToken).ConfigureAwait(false)).SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
                await IndexAsync(hubId, cancellationToken).ConfigureAwait(false);
                return (version == 1 ? HubApplyOutcome.Created : HubApplyOutcome.Updated, version);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another apply won the race for this version number; read again and retry on top of it.
            }
        }
    }

    public async Task<HubVersion?> GetCurrentAsync(string hubId, CancellationToken cancellationToken = default)
    {
        var response = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(hubId, CurrentRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToVersion(response.Value!) : null;
    }

    public async Task<HubVersion?> GetVersionAsync(string hubId, int version, CancellationToken cancellationToken = default)
    {
        var response = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(hubId, VersionRow(version), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToVersion(response.Value!) : null;
    }

    /// <summary>Every version's number, time and author, newest first (documents not loaded).</summary>
    public async Task<IReadOnlyList<(int Version, DateTimeOffset AppliedAt, string AppliedBy)>> ListVersionsAsync(string hubId, CancellationToken cancellationToken = default)
    {
        var versions = new List<(int, DateTimeOffset, string)>();
        var query = (await Table(cancellationToken).ConfigureAwait(false)).QueryAsync<TableEntity>(
            e => e.PartitionKey == hubId && e.RowKey.CompareTo("v") >= 0 && e.RowKey.CompareTo("w") < 0,
            select: ["Version", "AppliedAt", "AppliedBy"],
            cancellationToken: cancellationToken);
        await foreach (var entity in query.ConfigureAwait(false))
        {
            versions.Add((entity.GetInt32("Version") ?? 0, entity.GetDateTimeOffset("AppliedAt") ?? default, entity.GetString("AppliedBy") ?? ""));
        }

        return versions.OrderByDescending(v => v.Item1).ToList();
    }

    private static string VersionRow(int version) => "v" + version.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The ids of every applied hub, from the index partition: one single-partition query.</summary>
    public async Task<IReadOnlyList<string>> ListHubIdsAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var row in (await Table(cancellationToken).ConfigureAwait(false)).QueryAsync<TableEntity>(
            e => e.PartitionKey == IndexPartition, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    // The index lives in its own partition (hub ids are slugs, so "_index" is never one) and cannot share the apply's
    // transaction; an apply interrupted before it is indexed is indexed by the next apply of the same document.
    private async Task IndexAsync(string hubId, CancellationToken cancellationToken) =>
        await (await Table(cancellationToken).ConfigureAwait(false)).UpsertEntityAsync(new TableEntity(IndexPartition, hubId), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    private static TableEntity Entity(string hubId, string row, int version, string document, string hash, string appliedBy, DateTimeOffset now)
    {
        var entity = new TableEntity(hubId, row)
        {
            ["Version"] = version,
            ["ContentHash"] = hash,
            ["AppliedAt"] = now.ToUniversalTime(),
            ["AppliedBy"] = appliedBy,
            ["Chunks"] = (document.Length + ChunkChars - 1) / ChunkChars,
        };
        for (var i = 0; i * ChunkChars < document.Length; i++)
        {
            entity[$"Document{i}"] = document.Substring(i * ChunkChars, Math.Min(ChunkChars, document.Length - (i * ChunkChars)));
        }

        return entity;
    }

    private static HubVersion ToVersion(TableEntity entity)
    {
        var chunks = entity.GetInt32("Chunks") ?? 0;
        var document = string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString($"Document{i}")));
        return new HubVersion(entity.PartitionKey, entity.GetInt32("Version") ?? 0, document, entity.GetString("ContentHash") ?? "",
            entity.GetDateTimeOffset("AppliedAt") ?? default, entity.GetString("AppliedBy") ?? "");
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

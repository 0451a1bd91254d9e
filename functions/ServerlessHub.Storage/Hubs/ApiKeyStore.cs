using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Hubs;

/// <summary>Whom a key admits: one hub's APIs, or the admin APIs (and every hub).</summary>
public enum ApiKeyScope
{
    Hub,
    Admin,
}

/// <summary>What is known about a key, never the key itself nor its hash.</summary>
/// <param name="KeyId">12 hex digits derived one-way from the stored hash: names the key in lists and revocations, and
/// can neither admit a request nor be turned back into the hash.</param>
/// <param name="Prefix">The key's first characters (<c>shk_{hub}_</c> and four random ones), so its holder can tell which
/// key it is; null for keys created before prefixes were kept.</param>
/// <param name="LastUsedAt">When the key last admitted a request, recorded at most once per
/// <c>ApiKeys:LastUsedInterval</c>; null when never.</param>
public sealed record ApiKeyRecord(
    string KeyId,
    string Name,
    string? Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    /// <summary>Whether the key admits requests at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);
}

/// <summary>
/// API keys, stored only as SHA-256 hashes in the <c>hubs</c> table: a hub's keys in the hub's partition
/// (row <c>key|&lt;hash&gt;</c>), admin keys in the <c>_admin</c> partition, which no hub id can name. Keys are
/// 256 random bits, so a fast hash is enough: nothing to brute-force. A revoked key keeps its row (with
/// <c>RevokedAt</c>) so lists show it.
/// </summary>
public sealed class ApiKeyStore(StorageAccount account)
{
    private const string AdminPartition = "_admin";
    private const string RowPrefix = "key|";
    private const int PrefixRandomChars = 4;

    /// <summary>Creates a key and returns it; only its hash is kept, so this is the one time it can be shown.</summary>
    /// <param name="expiresAt">When the key stops working, or null for never.</param>
    public async Task<string> CreateAsync(ApiKeyScope scope, string? hubId, string name, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var partition = Partition(scope, hubId);
        var head = $"shk_{(scope == ApiKeyScope.Admin ? "admin" : hubId)}_";
        var key = head + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var entity = new TableEntity(partition, Row(key))
        {
            ["Name"] = name,
            ["Prefix"] = key[..(head.Length + PrefixRandomChars)],
            ["CreatedAt"] = now.ToUniversalTime(),
        };
        if (expiresAt is { } expires)
        {
            entity["ExpiresAt"] = expires.ToUniversalTime();
        }

        await (await Table(cancellationToken).ConfigureAwait(false)).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>The id a key is listed and revoked by (see <see cref="ApiKeyRecord.KeyId"/>).</summary>
    public static string IdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IdOfRow(Row(key));
    }

    /// <summary>The key's record when <paramref name="key"/> is a key of that scope (and hub), revoked or expired ones included; null otherwise. One point read.</summary>
    public async Task<ApiKeyRecord?> GetAsync(ApiKeyScope scope, string? hubId, string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200)
        {
            return null;
        }

        var response = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(Partition(scope, hubId), Row(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? Read(response.Value!) : null;
    }

    /// <summary>Every key of the scope (and hub), oldest first: one single-partition range query.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(ApiKeyScope scope, string? hubId, CancellationToken cancellationToken = default) =>
        (await ListEntitiesAsync(scope, hubId, cancellationToken).ConfigureAwait(false)).Select(Read).OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Marks the key revoked at <paramref name="now"/>; a key revoked before keeps its first revocation time.
    /// </summary>
    /// <returns>The key as it now stands, or null when the scope (and hub) has no key with that id.</returns>
    public async Task<ApiKeyRecord?> RevokeAsync(ApiKeyScope scope, string? hubId, string keyId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var entity = (await ListEntitiesAsync(scope, hubId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => IdOfRow(e.RowKey) == keyId);
        if (entity is null)
        {
            return null;
        }

        if (entity.GetDateTimeOffset("RevokedAt") is null)
        {
            entity["RevokedAt"] = now.ToUniversalTime();
            var patch = new TableEntity(entity.PartitionKey, entity.RowKey) { ["RevokedAt"] = now.ToUniversalTime() };
            await (await Table(cancellationToken).ConfigureAwait(false)).UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        return Read(entity);
    }

    /// <summary>Records that <paramref name="key"/> admitted a request at <paramref name="now"/>; touches nothing else on the row.</summary>
    public async Task RecordUseAsync(ApiKeyScope scope, string? hubId, string key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var patch = new TableEntity(Partition(scope, hubId), Row(key)) { ["LastUsedAt"] = now.ToUniversalTime() };
        await (await Table(cancellationToken).ConfigureAwait(false)).UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<TableEntity>> ListEntitiesAsync(ApiKeyScope scope, string? hubId, CancellationToken cancellationToken)
    {
        var partition = Partition(scope, hubId);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var entities = new List<TableEntity>();
        // '}' follows '|' in ordinal order, so this range is exactly the key rows.
        await foreach (var entity in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(RowPrefix) >= 0 && e.RowKey.CompareTo("key}") < 0,
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entities.Add(entity);
        }

        return entities;
    }

    private static ApiKeyRecord Read(TableEntity entity) => new(
        IdOfRow(entity.RowKey),
        entity.GetString("Name") ?? "",
        entity.GetString("Prefix"),
        entity.GetDateTimeOffset("CreatedAt") ?? default,
        entity.GetDateTimeOffset("ExpiresAt"),
        entity.GetDateTimeOffset("RevokedAt"),
        entity.GetDateTimeOffset("LastUsedAt"));

    private static string Partition(ApiKeyScope scope, string? hubId) => scope switch
    {
        ApiKeyScope.Admin => AdminPartition,
        _ => string.IsNullOrEmpty(hubId) ? throw new ArgumentException("A hub key needs a hub id.", nameof(hubId)) : hubId,
    };

    private static string Row(string key) => RowPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // Derived from the row rather than stored, so keys created before ids existed have one too.
    private static string IdOfRow(string row) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row)))[..12];

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(HubStore.TableName, cancellationToken);
}

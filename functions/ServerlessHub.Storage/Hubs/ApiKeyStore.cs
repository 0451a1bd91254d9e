using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Hubs;

/// <summary>Whom a key admits: one hub's APIs, or the admin APIs (and every hub).</summary>
public enum ApiKeyScope
{
    Hub,
    Admin,
}

/// <summary>
/// API keys, stored only as SHA-256 hashes in the <c>hubs</c> table: a hub's keys in the hub's partition
/// (row <c>key|&lt;hash&gt;</c>), admin keys in the <c>_admin</c> partition, which no hub id can name. Keys are
/// 256 random bits, so a fast hash is enough: nothing to brute-force.
/// </summary>
public sealed class ApiKeyStore(StorageAccount account)
{
    private const string AdminPartition = "_admin";


    /// <summary>Creates a key and returns it; only its hash is kept, so this is the one time it can be shown.</summary>
    public async Task<string> CreateAsync(ApiKeyScope scope, string? hubId, string name, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var partition = Partition(scope, hubId);
        var key = $"shk_{(scope == ApiKeyScope.Admin ? "admin" : hubId)}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        await (await Table(cancellationToken).ConfigureAwait(false)).AddEntityAsync(new TableEntity(partition, Row(key)) { ["Name"] = name, ["CreatedAt"] = now.ToUniversalTime() }, cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>Whether <paramref name="key"/> is a key of that scope (and hub): one point read.</summary>
    public async Task<bool> IsValidAsync(ApiKeyScope scope, string? hubId, string key, CancellationToken cancellationToken = default) =>
        await GetNameAsync(scope, hubId, key, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The name <paramref name="key"/> was created with, when it is a key of that scope (and hub); null otherwise. One point read.</summary>
    public async Task<string?> GetNameAsync(ApiKeyScope scope, string? hubId, string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200)
        {
            return null;
        }

        var response = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(Partition(scope, hubId), Row(key), select: ["Name"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.GetString("Name") ?? "" : null;
    }

    private static string Partition(ApiKeyScope scope, string? hubId) => scope switch
    {
        ApiKeyScope.Admin => AdminPartition,
        _ => string.IsNullOrEmpty(hubId) ? throw new ArgumentException("A hub key needs a hub id.", nameof(hubId)) : hubId,
    };

    private static string Row(string key) => "key|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(HubStore.TableName, cancellationToken);
}

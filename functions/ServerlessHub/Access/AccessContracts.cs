using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Access;

/// <summary>
/// A new key: its name, and optionally when it expires — <c>expiresAt</c> (a date, valid through that day in the hub's
/// time zone, or an instant with its offset) or <c>expiresInDays</c> (1–3650), not both.
/// </summary>
public sealed record CreateKeyRequest(string? Name, string? ExpiresAt = null, int? ExpiresInDays = null);

/// <summary>A key as lists show it: never the key or its hash, but an id to revoke it by and a prefix to recognise it.</summary>
/// <param name="Status"><c>active</c>, <c>expired</c> or <c>revoked</c>.</param>
public sealed record ApiKeyDto(string KeyId, string Name, string? Prefix, string Status, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyDto From(ApiKeyRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.KeyId, record.Name, record.Prefix, ApiKeyStatus.Of(record, now), record.CreatedAt, record.LastUsedAt, record.ExpiresAt, record.RevokedAt);
    }
}

public sealed record ApiKeyListDto(IReadOnlyList<ApiKeyDto> Keys);

/// <summary>A new admin key, shown this once.</summary>
public sealed record AdminKeyDto(string KeyId, string Name, string Key, DateTimeOffset? ExpiresAt);

public static class ApiKeyStatus
{
    public static string Of(ApiKeyRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.RevokedAt is not null ? "revoked" : record.IsActiveAt(now) ? "active" : "expired";
    }
}

// A repeated property is ambiguous (which did the sender mean?), so it is refused rather than the last one winning.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CreateKeyRequest))]
[JsonSerializable(typeof(ApiKeyDto))]
[JsonSerializable(typeof(ApiKeyListDto))]
[JsonSerializable(typeof(AdminKeyDto))]
public sealed partial class AccessJsonContext : JsonSerializerContext;

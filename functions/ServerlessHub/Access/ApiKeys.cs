using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Access;

/// <summary>
/// Checks API keys, sent the Functions way: the <c>x-functions-key</c> header or the <c>code</c> query parameter.
/// A hub's APIs take that hub's keys or an admin key; admin APIs take admin keys only. A key that does not open the
/// hub in the route answers 404, as an unknown hub does, so a key of hub A cannot learn that hub B exists; a revoked
/// or expired key answers 401, saying so. Valid keys are remembered for <see cref="ApiKeyOptions.CacheDuration"/>
/// (at most a minute, never past their expiry) so a hot endpoint does not pay a storage round trip per request.
/// </summary>
public sealed class ApiKeys(ApiKeyStore store, IOptions<ApiKeyOptions> options, TimeProvider time, ILogger<ApiKeys> logger)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly ConcurrentDictionary<(ApiKeyScope Scope, string? HubId, string Key), (DateTimeOffset Until, ApiKeyRecord Record)> _active = new();
    private readonly ConcurrentDictionary<(ApiKeyScope Scope, string? HubId, string KeyId), DateTimeOffset> _lastUsed = new();

    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header : request.Query[QueryName].ToString() is { Length: > 0 } code ? code : null;
    }

    /// <summary>The name of the key that admitted the request (set by the checks below), e.g. to record who revised.</summary>
    public static string? NameOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[typeof(ApiKeys)] as string;
    }

    /// <summary>
    /// Admits a request with the hub's key or an admin key: <see langword="null"/> when it may go on, otherwise the
    /// answer — 401 without a key or with a revoked or expired one, 404 (as for an unknown hub) when the key does not
    /// open this hub.
    /// </summary>
    public async Task<ProblemHttpResult?> RefuseUnlessHubKeyAsync(HttpRequest request, string hubId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (KeyOf(request) is not { } key)
        {
            return MissingKey(http);
        }

        // Both remembered keys are looked at before storage, and the hub's own keys (the common case) are read first:
        // an admin-first read cost every hub-key request a storage round trip, since a key that is not an admin key is
        // not remembered.
        var now = time.GetUtcNow();
        var ct = http.RequestAborted;
        var (scope, record) = Remembered(ApiKeyScope.Hub, hubId, key, now) is { } hubKey ? (ApiKeyScope.Hub, hubKey)
            : Remembered(ApiKeyScope.Admin, null, key, now) is { } adminKey ? (ApiKeyScope.Admin, adminKey)
            : await LookUpAsync(ApiKeyScope.Hub, hubId, key, now, ct).ConfigureAwait(false) is { } storedHubKey ? (ApiKeyScope.Hub, storedHubKey)
            : (ApiKeyScope.Admin, await LookUpAsync(ApiKeyScope.Admin, null, key, now, ct).ConfigureAwait(false));
        if (record is null)
        {
            return Problems.NotFound(http, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it."));
        }

        return await AdmitAsync(http, scope, scope == ApiKeyScope.Hub ? hubId : null, key, record, now).ConfigureAwait(false);
    }

    /// <summary>
    /// Admits a request with an admin key: <see langword="null"/> when it may go on; 401 without a key or with a revoked
    /// or expired one, 403 with any other key.
    /// </summary>
    public async Task<ProblemHttpResult?> RefuseUnlessAdminKeyAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (KeyOf(request) is not { } key)
        {
            return MissingKey(http);
        }

        var now = time.GetUtcNow();
        var record = Remembered(ApiKeyScope.Admin, null, key, now)
            ?? await LookUpAsync(ApiKeyScope.Admin, null, key, now, http.RequestAborted).ConfigureAwait(false);
        return record is null
            ? Problems.Create(http, StatusCodes.Status403Forbidden, ("无权操作", "Forbidden"), ("此操作需要管理员密钥。", "This operation needs an admin key."))
            : await AdmitAsync(http, ApiKeyScope.Admin, null, key, record, now).ConfigureAwait(false);
    }

    /// <summary>Creates a key, which the caller shows this once (only its hash is stored).</summary>
    /// <param name="by">Who asked, for the log: the admin key's name, or the command line.</param>
    public async Task<string> CreateAsync(ApiKeyScope scope, string? hubId, string name, DateTimeOffset? expiresAt, string? by, CancellationToken cancellationToken)
    {
        var key = await store.CreateAsync(scope, hubId, name, time.GetUtcNow(), expiresAt, cancellationToken).ConfigureAwait(false);
        AccessLog.KeyCreated(logger, ApiKeyStore.IdOf(key), scope, hubId, by);
        return key;
    }

    /// <summary>Revokes a key; this instance stops accepting it at once, others within <see cref="ApiKeyOptions.CacheDuration"/>.</summary>
    /// <param name="by">Who asked, for the log.</param>
    /// <returns>The key as it now stands, or null when there is no such key.</returns>
    public async Task<ApiKeyRecord?> RevokeAsync(ApiKeyScope scope, string? hubId, string keyId, string? by, CancellationToken cancellationToken)
    {
        var revoked = await store.RevokeAsync(scope, hubId, keyId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (revoked is not null)
        {
            AccessLog.KeyRevoked(logger, keyId, scope, hubId, by);
        }

        foreach (var (remembered, entry) in _active)
        {
            if (remembered.Scope == scope && remembered.HubId == hubId && entry.Record.KeyId == keyId)
            {
                _active.TryRemove(remembered, out _);
            }
        }

        return revoked;
    }

    private ApiKeyRecord? Remembered(ApiKeyScope scope, string? hubId, string key, DateTimeOffset now) =>
        _active.TryGetValue((scope, hubId, key), out var entry) && entry.Until > now ? entry.Record : null;

    private async Task<ApiKeyRecord?> LookUpAsync(ApiKeyScope scope, string? hubId, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(scope, hubId, key, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        if (record.IsActiveAt(now))
        {
            var until = now + options.Value.CacheDuration;
            _active[(scope, hubId, key)] = (record.ExpiresAt is { } expires && expires < until ? expires : until, record);
        }

        if (record.LastUsedAt is { } stored)
        {
            _lastUsed.AddOrUpdate((scope, hubId, record.KeyId), stored, (_, known) => known > stored ? known : stored);
        }

        return record;
    }

    private async Task<ProblemHttpResult?> AdmitAsync(HttpContext http, ApiKeyScope scope, string? hubId, string key, ApiKeyRecord record, DateTimeOffset now)
    {
        if (!record.IsActiveAt(now))
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
            var (zh, en) = record.RevokedAt is { } revoked
                ? ($"此密钥（{record.KeyId}）已于 {Utc(revoked)} 吊销，请向管理员申请新密钥。", $"This key ({record.KeyId}) was revoked at {Utc(revoked)}; ask an administrator for a new one.")
                : ($"此密钥（{record.KeyId}）已于 {Utc(record.ExpiresAt!.Value)} 过期，请向管理员申请新密钥。", $"This key ({record.KeyId}) expired at {Utc(record.ExpiresAt!.Value)}; ask an administrator for a new one.");
            return Problems.Create(http, StatusCodes.Status401Unauthorized, ("密钥已失效", "Key no longer valid"), (zh, en));
        }

        http.Items[typeof(ApiKeys)] = record.Name;
        await RecordUseAsync(scope, hubId, key, record.KeyId, now, http.RequestAborted).ConfigureAwait(false);
        return null;
    }

    // At most one write per key and interval on this instance: the first request past the interval claims the slot.
    private async Task RecordUseAsync(ApiKeyScope scope, string? hubId, string key, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = (scope, hubId, keyId);
        var claimed = _lastUsed.TryGetValue(id, out var last)
            ? now - last >= options.Value.LastUsedInterval && _lastUsed.TryUpdate(id, now, last)
            : _lastUsed.TryAdd(id, now);
        if (!claimed)
        {
            return;
        }

        try
        {
            await store.RecordUseAsync(scope, hubId, key, now, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            // The request was admitted; only the bookkeeping failed, and the next interval tries again.
            AccessLog.LastUsedNotRecorded(logger, ex, keyId, ex.Status);
        }
    }

    private static string Utc(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static ProblemHttpResult MissingKey(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        return Problems.Create(http, StatusCodes.Status401Unauthorized, ("缺少密钥", "Key required"),
            ($"请在请求头 {HeaderName} 或查询参数 {QueryName} 中提供密钥。", $"Send a key in the {HeaderName} header or the {QueryName} query parameter."));
    }
}

/// <summary>Log messages of API key checks and administration (event ids 1800–1819).</summary>
internal static partial class AccessLog
{
    [LoggerMessage(1800, LogLevel.Warning, "Key {KeyId}: its last use could not be recorded (status {Status})", EventName = "LastUsedNotRecorded")]
    public static partial void LastUsedNotRecorded(ILogger logger, Exception exception, string keyId, int status);

    [LoggerMessage(1801, LogLevel.Information, "Key {KeyId} ({Scope} {HubId}) created by {By}", EventName = "KeyCreated")]
    public static partial void KeyCreated(ILogger logger, string keyId, ApiKeyScope scope, string? hubId, string? by);

    [LoggerMessage(1802, LogLevel.Information, "Key {KeyId} ({Scope} {HubId}) revoked by {By}", EventName = "KeyRevoked")]
    public static partial void KeyRevoked(ILogger logger, string keyId, ApiKeyScope scope, string? hubId, string? by);
}

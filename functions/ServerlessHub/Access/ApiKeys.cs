using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Access;

/// <summary>
/// Checks API keys, sent the Functions way: the <c>x-functions-key</c> header or the <c>code</c> query parameter.
/// A hub's APIs take that hub's keys or an admin key; admin APIs take admin keys only. A key that does not open the
/// hub in the route answers 404, as an unknown hub does, so a key of hub A cannot learn that hub B exists. Valid keys
/// are remembered for a minute so a hot endpoint does not pay a storage round trip per request.
/// </summary>
public sealed class ApiKeys(ApiKeyStore store, TimeProvider time)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(ApiKeyScope, string?, string), DateTimeOffset> _valid = new();

    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header : request.Query[QueryName].ToString() is { Length: > 0 } code ? code : null;
    }

    // Both remembered keys are looked at before storage, and the hub's own keys (the common case) are read first: an
    // admin-first read cost every hub-key request a storage round trip, since a key that is not an admin key is not
    // remembered.
    public async Task<bool> OpensHubAsync(string hubId, string key, CancellationToken cancellationToken) =>
        IsRemembered(ApiKeyScope.Hub, hubId, key)
        || IsRemembered(ApiKeyScope.Admin, null, key)
        || await IsValidAsync(ApiKeyScope.Hub, hubId, key, cancellationToken).ConfigureAwait(false)
        || await IsValidAsync(ApiKeyScope.Admin, null, key, cancellationToken).ConfigureAwait(false);

    public Task<bool> IsAdminAsync(string key, CancellationToken cancellationToken) => IsValidAsync(ApiKeyScope.Admin, null, key, cancellationToken);

    private bool IsRemembered(ApiKeyScope scope, string? hubId, string key) =>
        _valid.TryGetValue((scope, hubId, key), out var until) && until > time.GetUtcNow();

    private async Task<bool> IsValidAsync(ApiKeyScope scope, string? hubId, string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (IsRemembered(scope, hubId, key))
        {
            return true;
        }

        if (!await store.IsValidAsync(scope, hubId, key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        _valid[(scope, hubId, key)] = now + Remember;
        return true;
    }

    /// <summary>
    /// Admits a request with the hub's key or an admin key: <see langword="null"/> when it may go on, otherwise the
    /// answer — 401 without a key, 404 (as for an unknown hub) when the key does not open this hub.
    /// </summary>
    public async Task<ProblemHttpResult?> RefuseUnlessHubKeyAsync(HttpRequest request, string hubId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (KeyOf(request) is not { } key)
        {
            return MissingKey(http);
        }

        return await OpensHubAsync(hubId, key, http.RequestAborted).ConfigureAwait(false)
            ? null
            : Problems.NotFound(http, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it."));
    }

    /// <summary>Admits a request with an admin key: <see langword="null"/> when it may go on; 401 without a key, 403 with a hub key.</summary>
    public async Task<ProblemHttpResult?> RefuseUnlessAdminKeyAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (KeyOf(request) is not { } key)
        {
            return MissingKey(http);
        }

        return await IsAdminAsync(key, http.RequestAborted).ConfigureAwait(false)
            ? null
            : Problems.Create(http, StatusCodes.Status403Forbidden, ("无权操作", "Forbidden"), ("此操作需要管理员密钥。", "This operation needs an admin key."));
    }

    private static ProblemHttpResult MissingKey(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        return Problems.Create(http, StatusCodes.Status401Unauthorized, ("缺少密钥", "Key required"),
            ($"请在请求头 {HeaderName} 或查询参数 {QueryName} 中提供密钥。", $"Send a key in the {HeaderName} header or the {QueryName} query parameter."));
    }
}

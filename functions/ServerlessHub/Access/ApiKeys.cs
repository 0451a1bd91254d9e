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

    private readonly ConcurrentDictionary<(ApiKeyScope, string?, string), (DateTimeOffset Until, string Name)> _valid = new();

    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header : request.Query[QueryName].ToString() is { Length: > 0 } code ? code : null;
    }

    // Both remembered keys are looked at before storage, and the hub's own keys (the common case) are read first: an
    // admin-first read cost every hub-key request a storage round trip, since a key that is not an admin key is not
    // remembered.
    /// <returns>The key's name when it opens the hub; null otherwise.</returns>
    public async Task<string?> OpensHubAsync(string hubId, string key, CancellationToken cancellationToken) =>
        Remembered(ApiKeyScope.Hub, hubId, key)
        ?? Remembered(ApiKeyScope.Admin, null, key)
        ?? await NameAsync(ApiKeyScope.Hub, hubId, key, cancellationToken).ConfigureAwait(false)
        ?? await NameAsync(ApiKeyScope.Admin, null, key, cancellationToken).ConfigureAwait(false);

    /// <returns>The key's name when it is an admin key; null otherwise.</returns>
    public Task<string?> IsAdminAsync(string key, CancellationToken cancellationToken) => NameAsync(ApiKeyScope.Admin, null, key, cancellationToken);

    /// <summary>The name of the key that admitted the request (set by the checks below), e.g. to record who revised.</summary>
    public static string? NameOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[typeof(ApiKeys)] as string;
    }

    private string? Remembered(ApiKeyScope scope, string? hubId, string key) =>
        _valid.TryGetValue((scope, hubId, key), out var valid) && valid.Until > time.GetUtcNow() ? valid.Name : null;

    private async Task<string?> NameAsync(ApiKeyScope scope, string? hubId, string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Remembered(scope, hubId, key) is { } remembered)
        {
            return remembered;
        }

        if (await store.GetNameAsync(scope, hubId, key, cancellationToken).ConfigureAwait(false) is not { } name)
        {
            return null;
        }

        _valid[(scope, hubId, key)] = (now + Remember, name);
        return name;
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

        if (await OpensHubAsync(hubId, key, http.RequestAborted).ConfigureAwait(false) is { } name)
        {
            http.Items[typeof(ApiKeys)] = name;
            return null;
        }

        return Problems.NotFound(http, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it."));
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

        if (await IsAdminAsync(key, http.RequestAborted).ConfigureAwait(false) is { } name)
        {
            http.Items[typeof(ApiKeys)] = name;
            return null;
        }

        return Problems.Create(http, StatusCodes.Status403Forbidden, ("无权操作", "Forbidden"), ("此操作需要管理员密钥。", "This operation needs an admin key."));
    }

    private static ProblemHttpResult MissingKey(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        return Problems.Create(http, StatusCodes.Status401Unauthorized, ("缺少密钥", "Key required"),
            ($"请在请求头 {HeaderName} 或查询参数 {QueryName} 中提供密钥。", $"Send a key in the {HeaderName} header or the {QueryName} query parameter."));
    }
}

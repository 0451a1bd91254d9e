using System.Collections.Concurrent;
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
}

/// <summary>Endpoint filters that admit a request only with the right key.</summary>
public static class ApiKeyFilters
{
    /// <summary>The route's <c>{hubId}</c> hub's key, or an admin key.</summary>
    public static TBuilder RequireHubKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = ApiKeys.KeyOf(http.Request);
            if (key is null)
            {
                return MissingKey(http);
            }

            var hubId = http.Request.RouteValues["hubId"] as string ?? "";
            var keys = http.RequestServices.GetRequiredService<ApiKeys>();
            return await keys.OpensHubAsync(hubId, key, http.RequestAborted).ConfigureAwait(false)
                ? await next(context).ConfigureAwait(false)
                : Problems.NotFound(http, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it."));
        });

    /// <summary>An admin key; hub keys are refused.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = ApiKeys.KeyOf(http.Request);
            if (key is null)
            {
                return MissingKey(http);
            }

            var keys = http.RequestServices.GetRequiredService<ApiKeys>();
            return await keys.IsAdminAsync(key, http.RequestAborted).ConfigureAwait(false)
                ? await next(context).ConfigureAwait(false)
                : Problems.Create(http, StatusCodes.Status403Forbidden, ("无权操作", "Forbidden"), ("此操作需要管理员密钥。", "This operation needs an admin key."));
        });

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult MissingKey(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeys.HeaderName}\"";
        return Problems.Create(http, StatusCodes.Status401Unauthorized, ("缺少密钥", "Key required"),
            ($"请在请求头 {ApiKeys.HeaderName} 或查询参数 {ApiKeys.QueryName} 中提供密钥。", $"Send a key in the {ApiKeys.HeaderName} header or the {ApiKeys.QueryName} query parameter."));
    }
}

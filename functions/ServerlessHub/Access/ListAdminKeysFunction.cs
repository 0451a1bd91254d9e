using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Access;

/// <summary><c>GET /api/manage/admin-keys</c> (admin key): every admin key, revoked and expired ones included, without secrets.</summary>
public sealed class ListAdminKeysFunction(ApiKeys keys, ApiKeyStore store, TimeProvider time)
{
    [Function("ListAdminKeys")]
    [EndpointSummary("List the admin keys: id, name, prefix, status, created, last used, expiry, revocation")]
    [EndpointDescription(
        "Lists every admin key, revoked and expired ones included: id, name, status (active, expired, revoked), a short prefix to recognise it, and its creation, last use, expiry and revocation times — never the key or its hash. " +
        "Last use is written at most once per ApiKeys:LastUsedInterval (default 5 min) on each instance, so it may be that much old. " +
        "Admin key only (403 with a hub key).")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public async Task<Results<Ok<ApiKeyListDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AccessServices.AdminKeysRoute)] HttpRequest request)
    {
        if (await keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var list = await store.ListAsync(ApiKeyScope.Admin, null, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ApiKeyListDto(list.Select(k => ApiKeyDto.From(k, now)).ToList()));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Access;

/// <summary><c>DELETE /api/manage/admin-keys/{keyId}</c> (admin key): revokes an admin key; revoking it again changes nothing.</summary>
public sealed class RevokeAdminKeyFunction(ApiKeys keys, TimeProvider time)
{
    [Function("RevokeAdminKey")]
    [EndpointSummary("Revoke an admin key; every instance refuses it within ApiKeys:CacheDuration (at most 60 s)")]
    [EndpointDescription(
        "Revokes an admin key and answers it as it now stands; it stays in the list as revoked, and revoking it again changes nothing. " +
        "The instance that revokes it refuses it at once, the others within ApiKeys:CacheDuration (at most 60 s). " +
        "Admin key only (403 with a hub key).")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<ApiKeyDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AccessServices.AdminKeysRoute + "/{keyId}")] HttpRequest request, string keyId)
    {
        var context = request.HttpContext;
        if (await keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        return await keys.RevokeAsync(ApiKeyScope.Admin, null, keyId, ApiKeys.NameOf(context), context.RequestAborted).ConfigureAwait(false) is { } revoked
            ? TypedResults.Ok(ApiKeyDto.From(revoked, time.GetUtcNow()))
            : Problems.NotFound(context, ($"没有管理员密钥“{keyId}”。", $"There is no admin key '{keyId}'."));
    }
}

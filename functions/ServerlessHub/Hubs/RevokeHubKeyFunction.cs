using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary><c>DELETE /api/manage/hubs/{hubId}/keys/{keyId}</c> (admin key): revokes a hub key; revoking it again changes nothing.</summary>
public sealed class RevokeHubKeyFunction(HubAdministration services)
{
    [Function("RevokeHubKey")]
    [EndpointSummary("Revoke a hub's API key; every instance refuses it within ApiKeys:CacheDuration (at most 60 s)")]
    [EndpointDescription(
        "Revokes one of the hub's API keys and answers it as it now stands; it stays in the list as revoked, and revoking it again changes nothing. " +
        "The instance that revokes it refuses it at once, the others within ApiKeys:CacheDuration (at most 60 s). " +
        "Admin key only (403 with a hub key).")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<ApiKeyDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = HubServices.ManageRoute + "/keys/{keyId}")] HttpRequest request, string hubId, string keyId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        return await services.Keys.RevokeAsync(ApiKeyScope.Hub, hubId, keyId, ApiKeys.NameOf(context), context.RequestAborted).ConfigureAwait(false) is { } revoked
            ? TypedResults.Ok(ApiKeyDto.From(revoked, services.Time.GetUtcNow()))
            : Problems.NotFound(context, ($"中枢“{hubId}”没有密钥“{keyId}”。", $"Hub '{hubId}' has no key '{keyId}'."));
    }
}

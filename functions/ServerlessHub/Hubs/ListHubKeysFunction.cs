using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary><c>GET /api/manage/hubs/{hubId}/keys</c> (admin key): the hub's keys, revoked and expired ones included, without secrets.</summary>
public sealed class ListHubKeysFunction(HubAdministration services)
{
    [Function("ListHubKeys")]
    [EndpointSummary("List a hub's API keys: id, name, prefix, status, created, last used, expiry, revocation")]
    [EndpointDescription(
        "Lists the hub's API keys, revoked and expired ones included: id, name, status (active, expired, revoked), a short prefix to recognise it, and its creation, last use, expiry and revocation times — never the key or its hash. " +
        "Last use is written at most once per ApiKeys:LastUsedInterval (default 5 min) on each instance, so it may be that much old. " +
        "Admin key only (403 with a hub key).")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<ApiKeyListDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HubServices.ManageRoute + "/keys")] HttpRequest request, string hubId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (await services.Hubs.GetCurrentAsync(hubId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”。", $"There is no hub '{hubId}'."));
        }

        var now = services.Time.GetUtcNow();
        var list = await services.KeyStore.ListAsync(ApiKeyScope.Hub, hubId, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ApiKeyListDto(list.Select(k => ApiKeyDto.From(k, now)).ToList()));
    }
}

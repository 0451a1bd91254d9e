using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary><c>POST /api/manage/hubs/{hubId}/keys</c> (admin key): creates an API key for a hub, shown only once.</summary>
public sealed class CreateHubKeyFunction(HubAdministration services)
{
    [Function("CreateHubKey")]
    [EndpointSummary("Create an API key for a hub; the key is shown only once")]
    public async Task<Results<Created<HubKeyDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HubServices.ManageRoute + "/keys")] HttpRequest request, string hubId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (body, problem) = await RequestBodies.ReadJsonAsync(context, HubsJsonContext.Default.CreateKeyRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var name = body!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return Problems.BadRequest(context, ("请给密钥起个名字（name，最多 64 字），便于日后识别。", "Give the key a name of at most 64 characters."));
        }

        if (await services.Hubs.GetCurrentAsync(hubId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”。", $"There is no hub '{hubId}'."));
        }

        var key = await services.KeyStore.CreateAsync(ApiKeyScope.Hub, hubId, name, services.Time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"{request.Path}", new HubKeyDto(hubId, name, key));
    }
}

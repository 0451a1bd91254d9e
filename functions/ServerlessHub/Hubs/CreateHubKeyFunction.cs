using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary><c>POST /api/manage/hubs/{hubId}/keys</c> (admin key): creates an API key for a hub, optionally expiring, shown only once.</summary>
public sealed class CreateHubKeyFunction(HubAdministration services)
{
    [Function("CreateHubKey")]
    [EndpointSummary("Create an API key for a hub (optionally expiring); the key is shown only once")]
    [EndpointDescription(
        "Creates an API key that opens this hub's endpoints. " +
        "The body names it and may set expiresInDays (1–3650) or expiresAt (a date is read in the hub's time zone and valid through that day). " +
        "The key is in this 201 answer only, as just its SHA-256 is stored. " +
        "Admin key only (403 with a hub key); 404 for an unknown hub.")]
    [Consumes(typeof(CreateKeyRequest), "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<Results<Created<HubKeyDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HubServices.ManageRoute + "/keys")] HttpRequest request, string hubId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (body, problem) = await RequestBodies.ReadJsonAsync(context, AccessJsonContext.Default.CreateKeyRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (await services.Catalog.GetAsync(hubId, context.RequestAborted).ConfigureAwait(false) is not { } hub)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”。", $"There is no hub '{hubId}'."));
        }

        var (name, expiresAt, invalid) = KeyRequests.Read(context, body!, hub.TimeZone, services.Time.GetUtcNow());
        if (invalid is not null)
        {
            return invalid;
        }

        var key = await services.Keys.CreateAsync(ApiKeyScope.Hub, hubId, name, expiresAt, ApiKeys.NameOf(context), context.RequestAborted).ConfigureAwait(false);
        var keyId = ApiKeyStore.IdOf(key);
        return TypedResults.Created($"{request.Path}/{keyId}", new HubKeyDto(hubId, keyId, name, key, expiresAt));
    }
}

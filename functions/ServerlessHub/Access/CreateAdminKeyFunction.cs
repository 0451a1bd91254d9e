using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Periods;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Access;

/// <summary><c>POST /api/manage/admin-keys</c> (admin key): creates an admin key, shown only once.</summary>
public sealed class CreateAdminKeyFunction(ApiKeys keys, TimeProvider time)
{
    [Function("CreateAdminKey")]
    [EndpointSummary("Create an admin key (optionally expiring); the key is shown only once")]
    [EndpointDescription(
        "Creates an admin key, which opens every hub and the manage operations. " +
        "The body names it and may set expiresInDays (1–3650) or expiresAt (a date is read in Asia/Shanghai and valid through that day). " +
        "The key is in this 201 answer only, as just its SHA-256 is stored. " +
        "Admin key only (403 with a hub key).")]
    [Consumes(typeof(CreateKeyRequest), "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<Results<Created<AdminKeyDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccessServices.AdminKeysRoute)] HttpRequest request)
    {
        var context = request.HttpContext;
        if (await keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (body, problem) = await RequestBodies.ReadJsonAsync(context, AccessJsonContext.Default.CreateKeyRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        // Admin keys belong to no hub; their dates are read in the product's default zone, China Standard Time.
        var (name, expiresAt, invalid) = KeyRequests.Read(context, body!, ReportTimeline.DefaultTimeZone, time.GetUtcNow());
        if (invalid is not null)
        {
            return invalid;
        }

        var key = await keys.CreateAsync(ApiKeyScope.Admin, null, name, expiresAt, ApiKeys.NameOf(context), context.RequestAborted).ConfigureAwait(false);
        var keyId = ApiKeyStore.IdOf(key);
        return TypedResults.Created($"{request.Path}/{keyId}", new AdminKeyDto(keyId, name, key, expiresAt));
    }
}

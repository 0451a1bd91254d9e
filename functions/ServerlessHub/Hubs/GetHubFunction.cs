using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Hubs;

/// <summary><c>GET /api/manage/hubs/{hubId}[?version=N]</c> (admin key): a hub definition and the list of its versions.</summary>
public sealed class GetHubFunction(HubAdministration services)
{
    [Function("GetHub")]
    [EndpointSummary("Read a hub definition (?version=N for an older one) and its versions")]
    [EndpointDescription(
        "Returns the hub's current definition as applied (or version N with ?version=N), with who applied it and when, and the list of all its versions. " +
        "Admin key only (403 with a hub key); 404 for an unknown hub or version.")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<HubDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HubServices.ManageRoute)] HttpRequest request, string hubId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        int? version = null;
        if (request.Query["version"] is { Count: > 0 } asked)
        {
            if (!int.TryParse(asked.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return Problems.BadRequest(context, ($"version 应为正整数，而不是“{asked}”。", $"'version' must be a positive whole number, not '{asked}'."));
            }

            version = number;
        }

        var store = services.Hubs;
        var stored = version is { } v
            ? await store.GetVersionAsync(hubId, v, context.RequestAborted).ConfigureAwait(false)
            : await store.GetCurrentAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            return Problems.NotFound(context, version is null
                ? ($"没有中枢“{hubId}”。", $"There is no hub '{hubId}'.")
                : ($"中枢“{hubId}”没有第 {version} 版。", $"Hub '{hubId}' has no version {version}."));
        }

        var versions = await store.ListVersionsAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new HubDto(hubId, stored.Version, stored.AppliedAt, stored.AppliedBy, stored.Document,
            versions.Select(x => new HubVersionDto(x.Version, x.AppliedAt, x.AppliedBy)).ToList()));
    }
}

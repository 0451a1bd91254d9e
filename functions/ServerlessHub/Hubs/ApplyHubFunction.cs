using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary><c>PUT /api/manage/hubs/{hubId}</c> (admin key): applies a hub definition as YAML or JSON; every version is kept.</summary>
public sealed class ApplyHubFunction(HubAdministration services)
{
    [Function("ApplyHub")]
    [EndpointSummary("Apply a hub definition (YAML or JSON); every version is kept")]
    [EndpointDescription(
        "Stores a hub definition, sent as YAML or JSON, as the hub's new current version; the document's id must be the {hubId} of the URL. " +
        "An invalid definition is refused with 422 listing each error with its path, line and column; one equal to the current version is answered 'unchanged' and adds none. " +
        "Admin key only (403 with a hub key); x-applied-by names who applied it in the version list.")]
    [Consumes(typeof(string), "application/yaml", "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    public async Task<Results<Created<HubAppliedDto>, Ok<HubAppliedDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = HubServices.ManageRoute)] HttpRequest request, string hubId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (text, tooLarge) = await RequestBodies.ReadTextAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (tooLarge)
        {
            return Problems.TooLarge(context);
        }

        if (text is null)
        {
            return Problems.NotUtf8(context);
        }

        var result = await services.Definitions.ApplyAsync(text, hubId, AppliedBy(request), context.RequestAborted).ConfigureAwait(false);
        var culture = RequestLanguage.Culture(context);
        return result switch
        {
            HubApplyResult.Applied { Outcome: HubApplyOutcome.Created } a => TypedResults.Created($"{request.Path}", new HubAppliedDto(a.HubId, "created", a.Version)),
            HubApplyResult.Applied a => TypedResults.Ok(new HubAppliedDto(a.HubId, a.Outcome == HubApplyOutcome.Updated ? "updated" : "unchanged", a.Version)),
            HubApplyResult.WrongHub w => Problems.BadRequest(context, ($"文档的 id 是“{w.DocumentHubId}”，与地址中的中枢“{hubId}”不一致。", $"The document's id is '{w.DocumentHubId}', not the hub '{hubId}' in the URL.")),
            HubApplyResult.Invalid invalid => Problems.UnprocessableEntity(context,
                (string.Join("\n", invalid.Errors.Select(e => e.Chinese)), string.Join("\n", invalid.Errors.Select(e => e.English))),
                new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new HubErrorDto(e.Path, e.Code, e.GetMessage(culture), e.Line, e.Column)).ToList() }),
            _ => throw new InvalidOperationException($"Unhandled result {result.GetType().Name}."),
        };
    }

    private static string AppliedBy(HttpRequest request) =>
        request.Headers["x-applied-by"].ToString() is { Length: > 0 and <= 64 } by ? by : "admin-api";
}

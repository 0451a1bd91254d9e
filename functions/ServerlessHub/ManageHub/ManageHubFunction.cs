using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary>
/// <c>/api/manage/hubs/{hubId}</c> (admin key; not <c>/api/admin</c>, which the Functions host reserves): apply a hub
/// definition as YAML or JSON (PUT; every version is kept) and read it with its versions (GET, <c>?version=N</c>).
/// </summary>
public static class ManageHubFunction
{
    public static void MapManageHub(this WebApplication app)
    {
        app.MapPut(app.HttpFunctionRoute("ManageHub", HttpMethods.Put), ApplyAsync).RequireAdminKey().WithSummary("Apply a hub definition (YAML or JSON); every version is kept");
        app.MapGet(app.HttpFunctionRoute("ManageHub", HttpMethods.Get), GetAsync).RequireAdminKey().WithSummary("Read a hub definition (?version=N for an older one) and its versions");
    }

    internal static async Task<Results<Created<HubAppliedDto>, Ok<HubAppliedDto>, ProblemHttpResult>> ApplyAsync(string hubId, HttpContext context, HubDefinitions definitions)
    {
        var (text, tooLarge) = await RequestBodies.ReadTextAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (tooLarge)
        {
            return Problems.TooLarge(context);
        }

        if (text is null)
        {
            return Problems.NotUtf8(context);
        }

        var result = await definitions.ApplyAsync(text, hubId, AppliedBy(context), context.RequestAborted).ConfigureAwait(false);
        var culture = RequestLanguage.Culture(context);
        return result switch
        {
            HubApplyResult.Applied { Outcome: HubApplyOutcome.Created } a => TypedResults.Created($"{context.Request.Path}", new HubAppliedDto(a.HubId, "created", a.Version)),
            HubApplyResult.Applied a => TypedResults.Ok(new HubAppliedDto(a.HubId, a.Outcome == HubApplyOutcome.Updated ? "updated" : "unchanged", a.Version)),
            HubApplyResult.WrongHub w => Problems.BadRequest(context, ($"文档的 id 是“{w.DocumentHubId}”，与地址中的中枢“{hubId}”不一致。", $"The document's id is '{w.DocumentHubId}', not the hub '{hubId}' in the URL.")),
            HubApplyResult.Invalid invalid => Problems.UnprocessableEntity(context,
                (string.Join("\n", invalid.Errors.Select(e => e.Chinese)), string.Join("\n", invalid.Errors.Select(e => e.English))),
                new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new HubErrorDto(e.Path, e.Code, e.GetMessage(culture), e.Line, e.Column)).ToList() }),
            _ => throw new InvalidOperationException($"Unhandled result {result.GetType().Name}."),
        };
    }

    internal static async Task<Results<Ok<HubDto>, ProblemHttpResult>> GetAsync(string hubId, int? version, HttpContext context, HubStore store)
    {
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

    private static string AppliedBy(HttpContext context) =>
        context.Request.Headers["x-applied-by"].ToString() is { Length: > 0 and <= 64 } by ? by : "admin-api";
}

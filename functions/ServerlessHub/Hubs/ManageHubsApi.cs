using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

public sealed record HubAppliedDto(string HubId, string Outcome, int Version);

public sealed record HubVersionDto(int Version, DateTimeOffset AppliedAt, string AppliedBy);

public sealed record HubDto(string HubId, int Version, DateTimeOffset AppliedAt, string AppliedBy, string Document, IReadOnlyList<HubVersionDto> Versions);

public sealed record HubErrorDto(string Path, string Code, string Message, int? Line, int? Column);

public sealed record CreateKeyRequest(string? Name);

public sealed record HubKeyDto(string HubId, string Name, string Key);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(HubAppliedDto))]
[JsonSerializable(typeof(HubDto))]
[JsonSerializable(typeof(CreateKeyRequest))]
[JsonSerializable(typeof(HubKeyDto))]
[JsonSerializable(typeof(List<HubErrorDto>))]
public sealed partial class HubsJsonContext : JsonSerializerContext;

/// <summary>
/// Admin APIs under <c>/api/manage/hubs/{hubId}</c> (not <c>/api/admin</c>: the Functions host reserves <c>admin</c>):
/// apply a hub definition (YAML or JSON), read it with its version history, create hub API keys.
/// </summary>
public static class ManageHubsApi
{
    public static void MapManageHubs(this WebApplication app)
    {
        app.MapHttpFunction("ManageHub", HttpMethods.Put, ApplyAsync).RequireAdminKey().WithSummary("Apply a hub definition (YAML or JSON); every version is kept");
        app.MapHttpFunction("ManageHub", HttpMethods.Get, GetAsync).RequireAdminKey().WithSummary("Read a hub definition (?version=N for an older one) and its versions");
        app.MapHttpFunction("ManageHubKeys", HttpMethods.Post, CreateKeyAsync).RequireAdminKey().WithSummary("Create an API key for a hub; the key is shown only once");
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

    internal static async Task<Results<Created<HubKeyDto>, ProblemHttpResult>> CreateKeyAsync(string hubId, HttpContext context, HubStore hubs, ApiKeyStore keys, TimeProvider time)
    {
        var (body, problem) = await Submissions.SubmissionsApi.ReadAsync(context, HubsJsonContext.Default.CreateKeyRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var name = body!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return Problems.BadRequest(context, ("请给密钥起个名字（name，最多 64 字），便于日后识别。", "Give the key a name of at most 64 characters."));
        }

        if (await hubs.GetCurrentAsync(hubId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”。", $"There is no hub '{hubId}'."));
        }

        var key = await keys.CreateAsync(ApiKeyScope.Hub, hubId, name, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"{context.Request.Path}", new HubKeyDto(hubId, name, key));
    }

    private static string AppliedBy(HttpContext context) =>
        context.Request.Headers["x-applied-by"].ToString() is { Length: > 0 and <= 64 } by ? by : "admin-api";
}

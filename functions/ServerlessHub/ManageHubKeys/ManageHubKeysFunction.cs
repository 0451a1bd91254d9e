using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary><c>POST /api/manage/hubs/{hubId}/keys</c> (admin key): creates an API key for a hub, shown only once.</summary>
public static class ManageHubKeysFunction
{
    public static void MapManageHubKeys(this WebApplication app) =>
        app.MapPost(app.HttpFunctionRoute("ManageHubKeys", HttpMethods.Post), CreateKeyAsync).RequireAdminKey().WithSummary("Create an API key for a hub; the key is shown only once");

    internal static async Task<Results<Created<HubKeyDto>, ProblemHttpResult>> CreateKeyAsync(string hubId, HttpContext context, HubStore hubs, ApiKeyStore keys, TimeProvider time)
    {
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

        if (await hubs.GetCurrentAsync(hubId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”。", $"There is no hub '{hubId}'."));
        }

        var key = await keys.CreateAsync(ApiKeyScope.Hub, hubId, name, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"{context.Request.Path}", new HubKeyDto(hubId, name, key));
    }
}

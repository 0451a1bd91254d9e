using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;

namespace ServerlessHub.Poison;

/// <summary>
/// <c>POST /api/manage/poison/{queue}/replay</c> (admin key), once the cause is fixed: puts poison messages back on
/// their queue with their bodies unchanged — those named by <c>{"messageIds": […]}</c>, or with no body every visible
/// one, up to 32 per call — and answers which were replayed and which were not found.
/// </summary>
public sealed class ReplayPoisonFunction(ApiKeys keys, PoisonedMessages poison)
{
    [Function("ReplayPoison")]
    [EndpointSummary("Put poison messages back on their queue (the given ids, or up to 32 visible ones)")]
    [EndpointDescription(
        "Once the cause is fixed, puts poison messages back on their queue with their bodies unchanged: the messageIds given (1–32), or with no body every visible one, up to 32 per call. " +
        "Answers which were replayed and which were not found. " +
        "Admin key only (403 with a hub key).")]
    [Consumes(typeof(ReplayRequest), "application/json", IsOptional = true)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<Results<Ok<ReplayDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PoisonServices.Route + "/replay")] HttpRequest request, string queue)
    {
        var context = request.HttpContext;
        if (await keys.RefuseUnlessAdminKeyAsync(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (PoisonRequests.RefuseUnknownQueue(context, queue) is { } unknown)
        {
            return unknown;
        }

        HashSet<string>? ids = null;
        if (request.ContentLength > 0 || (request.ContentLength is null && request.ContentType is not null))
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync(context, PoisonJsonContext.Default.ReplayRequest).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (body!.MessageIds is { } named)
            {
                if (named.Count is 0 or > PoisonedMessages.MaxMessages || named.Any(string.IsNullOrWhiteSpace))
                {
                    return Problems.BadRequest(context, ($"messageIds 应列出 1 到 {PoisonedMessages.MaxMessages} 个消息 id；要重放全部，请省略它。",
                        $"messageIds must list 1 to {PoisonedMessages.MaxMessages} message ids; leave it out to replay every message."));
                }

                ids = named.ToHashSet(StringComparer.Ordinal);
            }
        }

        var result = await poison.ReplayAsync(queue, ids, ApiKeys.NameOf(context), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ReplayDto(queue, result.Replayed, result.NotFound));
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;

namespace ServerlessHub.Poison;

/// <summary>
/// <c>GET /api/manage/poison/{queue}[?max=N]</c> (admin key): the first N (at most 32) visible messages of the queue's
/// poison queue, each with its body and recorded error. An <c>inbound</c> body holds a member's decrypted message: it is
/// shown to admins only, and never logged.
/// </summary>
public sealed class ListPoisonFunction(ApiKeys keys, PoisonedMessages poison)
{
    [Function("ListPoison")]
    [EndpointSummary("List a queue's poison messages (up to 32): id, times, dequeue count, body and recorded error")]
    [EndpointDescription(
        "Lists the visible poison messages of the inbound, outbound or reminders queue — messages that failed every attempt — up to ?max= (1–32, default 32), each with its id, times, dequeue count, body and recorded error. " +
        "Inbound bodies hold members' decrypted messages, hence admin key only (403 with a hub key).")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<PoisonListDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PoisonServices.Route)] HttpRequest request, string queue)
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

        var max = PoisonedMessages.MaxMessages;
        if (request.Query["max"].ToString() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > PoisonedMessages.MaxMessages))
        {
            return Problems.BadRequest(context, ($"max 应为 1 到 {PoisonedMessages.MaxMessages} 之间的整数。", $"max must be a whole number from 1 to {PoisonedMessages.MaxMessages}."));
        }

        var messages = await poison.PeekAsync(queue, max, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new PoisonListDto(queue, PoisonServices.PoisonQueueOf(queue), [.. messages.Select(PoisonMessageDto.From)]));
    }
}

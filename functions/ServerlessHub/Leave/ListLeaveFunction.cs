using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Periods;

namespace ServerlessHub.Leave;

/// <summary><c>GET /api/hubs/{hubId}/leave[?from=yyyy-MM-dd]</c>: leave that ends on that day (default today) or later.</summary>
public sealed class ListLeaveFunction(LeaveServices services)
{
    [Function("ListLeave")]
    [EndpointSummary("List leave that ends today or later (or from ?from=)")]
    [EndpointDescription(
        "Lists the hub's leave records that end on ?from= (yyyy-MM-dd) or later, by default today in the hub's time zone, earliest first. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<LeaveListDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LeaveRoutes.Leave)] HttpRequest request, string hubId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var hub = await services.Hubs.GetAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        if (hub is null)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it."));
        }

        var since = LocalTime.ToDate(services.Time.GetUtcNow(), hub.TimeZone);
        var from = request.Query["from"] is { Count: > 0 } values ? values.ToString() : null;
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out since))
        {
            return Problems.BadRequest(context, ($"from 应为日期，如 2026-11-24，而不是“{from}”。", $"'from' must be a date like 2026-11-24, not '{from}'."));
        }

        var list = await services.Store.ListAsync(hubId, since, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new LeaveListDto(hubId, list.OrderBy(l => l.FirstDay).Select(LeaveDto.From).ToList()));
    }
}

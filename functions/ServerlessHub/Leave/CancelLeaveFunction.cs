using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Periods;

namespace ServerlessHub.Leave;

/// <summary><c>DELETE /api/hubs/{hubId}/leave/{leaveId}</c>: cancels a leave record.</summary>
public sealed class CancelLeaveFunction(LeaveServices services)
{
    [Function("CancelLeave")]
    [EndpointSummary("Cancel a leave record")]
    [EndpointDescription(
        "Deletes a leave record by its id, so the unit or person is no longer on leave for those days. " +
        "Answers 204; an unknown or already cancelled record is 404. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<NoContent, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = LeaveRoutes.Record)] HttpRequest request, string hubId, string leaveId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        return PeriodKey.IsValid(leaveId) && await services.Store.DeleteAsync(hubId, leaveId, context.RequestAborted).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound(context, ($"没有请假记录“{leaveId}”。", $"There is no leave record '{leaveId}'."));
    }
}

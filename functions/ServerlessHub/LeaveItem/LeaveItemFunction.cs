using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Periods;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Leave;

namespace ServerlessHub.Leave;

/// <summary><c>DELETE /api/hubs/{hubId}/leave/{leaveId}</c>: cancels a leave record.</summary>
public static class LeaveItemFunction
{
    public static void MapLeaveItem(this WebApplication app) =>
        app.MapDelete(app.HttpFunctionRoute("LeaveItem", HttpMethods.Delete), DeleteAsync).RequireHubKey().WithSummary("Cancel a leave record");

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string hubId, string leaveId, HttpContext context, LeaveStore store)
    {
        if (!PeriodKey.IsValid(leaveId))
        {
            return Problems.NotFound(context, ($"没有请假记录“{leaveId}”。", $"There is no leave record '{leaveId}'."));
        }

        return await store.DeleteAsync(hubId, leaveId, context.RequestAborted).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound(context, ($"没有请假记录“{leaveId}”。", $"There is no leave record '{leaveId}'."));
    }
}

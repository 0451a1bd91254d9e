using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Periods;

namespace ServerlessHub.Submissions;

/// <summary><c>GET …/periods/{periodKey}/status</c>: expected, submitted, on time, late, pending, missing, on leave and (before the
/// period opens) not open, per unit.</summary>
public sealed class PeriodStatusFunction(SubmissionsServices services)
{
    [Function("PeriodStatus")]
    [EndpointSummary("Who submitted, on time or late, who is missing or on leave")]
    [EndpointDescription(
        "Shows, for each expected unit or person, whether it submitted on time or late, is still pending, missing, on leave on the due date, or not yet due because the period has not opened; with the counts, the submission rate and the on-time rate (按期报送率). " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<PeriodStatusDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionRoutes.Status)] HttpRequest request,
        string hubId, string reportId, string periodKey)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        // Two storage round trips, run together: the period's submissions and the hub's leave around its due date.
        var dueDay = LocalTime.ToDate(scope.Period.Due, scope.Hub.TimeZone);
        var submissions = services.Store.ListPeriodAsync(hubId, reportId, scope.Period.Key, context.RequestAborted);
        var leave = services.Leave.ListAsync(hubId, dueDay, context.RequestAborted);
        var status = PeriodStatus.Compute(scope.Hub, scope.Report, scope.Period, await submissions.ConfigureAwait(false), await leave.ConfigureAwait(false), services.Time.GetUtcNow());
        return TypedResults.Ok(PeriodStatusDto.From(status, scope.Report.Title));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Submissions;

/// <summary><c>GET …/periods/{periodKey}/submissions</c>: the period's submissions.</summary>
public sealed class ListSubmissionsFunction(SubmissionsServices services)
{
    [Function("ListSubmissions")]
    [EndpointSummary("List a period's submissions")]
    [EndpointDescription(
        "Lists every submission of the period, withdrawn ones included, with the period's key and dates; " +
        "{periodKey} may be current. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<SubmissionListDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionRoutes.Submissions)] HttpRequest request,
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

        var list = await services.Store.ListPeriodAsync(hubId, reportId, scope.Period.Key, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new SubmissionListDto(hubId, reportId, PeriodDto.From(scope.Period), list.Select(s => SubmissionDto.From(s)).ToList()));
    }
}

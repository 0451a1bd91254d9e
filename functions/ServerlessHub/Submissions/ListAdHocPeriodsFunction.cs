using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Submissions;

/// <summary><c>GET …/reports/{reportId}/periods</c>: the windows of an ad hoc report kind, earliest first.</summary>
public sealed class ListAdHocPeriodsFunction(SubmissionsServices services)
{
    [Function("ListAdHocPeriods")]
    [EndpointSummary("List the windows of an ad hoc report kind")]
    [EndpointDescription(
        "Lists the windows opened for an ad hoc report kind (临时报送), earliest first, with their days and due times. " +
        "Other kinds open their periods by themselves and are refused with 400. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<PeriodListDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionRoutes.Periods)] HttpRequest request,
        string hubId, string reportId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (hub, report, notFound) = await AdHocWindows.FindReportAsync(context, services.Hubs, hubId, reportId).ConfigureAwait(false);
        if (report is null)
        {
            return notFound!;
        }

        var timeline = hub!.Timeline(report);
        var windows = await services.AdHocPeriods.ListAsync(hubId, reportId, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new PeriodListDto(hubId, reportId, windows.Select(w => PeriodDto.From(timeline.AdHoc(w.Id, w.FirstDay, w.LastDay))).OrderBy(p => p.FirstDay).ToList()));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Exports;

/// <summary><c>GET …/reports/{reportId}/export?format=csv|xlsx&amp;period=|from=&amp;to=</c>: one report kind's submissions as a file.</summary>
public sealed class ExportReportFunction(ExportServices services)
{
    [Function("ExportReport")]
    [EndpointSummary("Export a report kind's submissions of a period or date range as CSV or XLSX")]
    [EndpointDescription(
        "Streams one report kind's submissions as a CSV (default) or XLSX file, for one period (?period=, current allowed) or for every period with a day in ?from=&to= (hub-local days, both included, at most 366 days and 400 periods). " +
        "One row per submission, withdrawn ones left out; text cells that Excel would run as formulas are escaped. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<ExportFile, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ExportRoutes.Report)] HttpRequest request,
        string hubId, string reportId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (query, invalid) = ExportQuery.Parse(context);
        if (query is null)
        {
            return invalid!;
        }

        var (plan, problem) = await ExportPlan.ForReportAsync(context, services, hubId, reportId, query).ConfigureAwait(false);
        return plan is null ? problem! : new ExportFile(plan, query.Format, services.Store);
    }
}

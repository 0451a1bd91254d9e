using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Exports;

/// <summary><c>GET /api/hubs/{hubId}/export?format=csv|xlsx&amp;period=|from=&amp;to=</c>: the submissions of every report kind of the hub as one file.</summary>
public sealed class ExportHubFunction(ExportServices services)
{
    [Function("ExportHub")]
    [EndpointSummary("Export the submissions of all the hub's report kinds of a period or date range as CSV or XLSX")]
    [EndpointDescription(
        "Streams the submissions of every report kind of the hub as a CSV (default) or XLSX file, for one period (?period=, current allowed) or for every period with a day in ?from=&to= (hub-local days, both included, at most 366 days and 400 periods). " +
        "One row per submission, withdrawn ones left out, with one column per field headed by report kind and label. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<ExportFile, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ExportRoutes.Hub)] HttpRequest request, string hubId)
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

        var (plan, problem) = await ExportPlan.ForHubAsync(context, services, hubId, query).ConfigureAwait(false);
        return plan is null ? problem! : new ExportFile(plan, query.Format, services.Store);
    }
}

using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Periods;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary><c>…/periods/{periodKey}/status</c>: expected, submitted, on time, late, pending, missing and on leave, per unit.</summary>
public static class PeriodStatusFunction
{
    public static void MapPeriodStatus(this WebApplication app)
    {
        app.MapGet(app.HttpFunctionRoute("PeriodStatus", HttpMethods.Get), StatusAsync).RequireHubKey().WithSummary("Who submitted, on time or late, who is missing or on leave");
    }

    internal static async Task<Results<Ok<PeriodStatusDto>, ProblemHttpResult>> StatusAsync(
        string hubId, string reportId, string periodKey, HttpContext context, [FromServices] SubmissionsServices services)
    {
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

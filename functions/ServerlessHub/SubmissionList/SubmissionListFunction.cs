using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary><c>/api/hubs/{hubId}/reports/{reportId}/periods/{periodKey}/submissions</c>: submit (POST) and list (GET); <c>current</c> names the period containing now.</summary>
public static class SubmissionListFunction
{
    public static void MapSubmissionList(this WebApplication app)
    {
        app.MapPost(app.HttpFunctionRoute("SubmissionList", HttpMethods.Post), SubmitAsync).RequireHubKey().WithSummary("Submit a report for a unit (or person)");
        app.MapGet(app.HttpFunctionRoute("SubmissionList", HttpMethods.Get), ListAsync).RequireHubKey().WithSummary("List a period's submissions");
    }

    internal static async Task<Results<Created<SubmissionDto>, Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> SubmitAsync(
        string hubId, string reportId, string periodKey, HttpContext context, [FromServices] SubmissionsServices services)
    {
        var (body, problem) = await RequestBodies.ReadJsonAsync(context, SubmissionsJsonContext.Default.SubmitRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (IdempotencyKeys.Of(context) is { Problem: { } keyProblem })
        {
            return keyProblem;
        }

        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var submitter = SubmissionsHttp.FindSubmitter(context, scope, body!.UnitId, body.UserId, out var submitterProblem);
        if (submitter is null)
        {
            return submitterProblem!;
        }

        if (SubmissionsHttp.ToValues(context, body.Fields) is { Problem: { } fieldsProblem })
        {
            return fieldsProblem;
        }

        var outcome = await services.Submissions.SubmitAsync(
            scope.Hub, scope.Report, scope.Period, submitter, SubmissionsHttp.ToValues(context, body.Fields).Values!,
            SubmissionsHttp.Actor(body.SubmittedBy), SubmissionsHttp.Idempotency(context, StatusCodes.Status201Created), context.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            SubmissionOutcome.Saved saved => SubmissionsHttp.Created(context, saved),
            SubmissionOutcome.AlreadySubmitted existing => Problems.Conflict(context, (
                $"“{submitter.Name}”已报送{scope.Report.Title}（{scope.Period.Key}，第 {existing.Existing.Revision} 版），如需修改请用 PUT。",
                $"'{submitter.Id}' has already submitted {reportId} for {scope.Period.Key} (revision {existing.Existing.Revision}); use PUT to revise it.")),
            _ => SubmissionsHttp.Map(context, scope, outcome),
        };
    }

    internal static async Task<Results<Ok<SubmissionListDto>, ProblemHttpResult>> ListAsync(
        string hubId, string reportId, string periodKey, HttpContext context, [FromServices] SubmissionsServices services)
    {
        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var list = await services.Store.ListPeriodAsync(hubId, reportId, scope.Period.Key, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new SubmissionListDto(hubId, reportId, PeriodDto.From(scope.Period), list.Select(s => SubmissionDto.From(s)).ToList()));
    }
}

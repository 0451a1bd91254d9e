using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary><c>…/submissions/{submitterId}</c>: read with revisions (GET), revise (PUT, If-Match), withdraw (DELETE).</summary>
public static class SubmissionItemFunction
{
    public static void MapSubmissionItem(this WebApplication app)
    {
        app.MapGet(app.HttpFunctionRoute("SubmissionItem", HttpMethods.Get), GetAsync).RequireHubKey().WithSummary("Read a submission with its revisions");
        app.MapPut(app.HttpFunctionRoute("SubmissionItem", HttpMethods.Put), ReviseAsync).RequireHubKey().WithSummary("Revise some fields of a submission");
        app.MapDelete(app.HttpFunctionRoute("SubmissionItem", HttpMethods.Delete), WithdrawAsync).RequireHubKey().WithSummary("Withdraw a submission (kept in its history)");
    }

    internal static async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> GetAsync(
        string hubId, string reportId, string periodKey, string submitterId, HttpContext context, [FromServices] SubmissionsServices services)
    {
        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var stored = await services.Store.GetAsync(hubId, reportId, scope.Period.Key, submitterId, context.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            return SubmissionsHttp.NoSubmission(context, scope, submitterId);
        }

        var revisions = await services.Store.ListRevisionsAsync(hubId, reportId, scope.Period.Key, submitterId, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.ETag = stored.ETag.ToString("H");
        return TypedResults.Ok(SubmissionDto.From(stored.Submission, revisions));
    }

    internal static async Task<Results<Created<SubmissionDto>, Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> ReviseAsync(
        string hubId, string reportId, string periodKey, string submitterId, HttpContext context, [FromServices] SubmissionsServices services)
    {
        var (body, problem) = await RequestBodies.ReadJsonAsync(context, SubmissionsJsonContext.Default.ReviseRequest).ConfigureAwait(false);
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

        var values = SubmissionsHttp.ToValues(context, body!.Fields);
        if (values.Problem is not null)
        {
            return values.Problem;
        }

        var outcome = await services.Submissions.ReviseAsync(scope.Hub, scope.Report, scope.Period, submitterId, values.Values!, SubmissionsHttp.IfMatch(context),
            SubmissionsHttp.Actor(body.SubmittedBy), SubmissionsHttp.Idempotency(context, StatusCodes.Status200OK), context.RequestAborted).ConfigureAwait(false);
        return outcome is SubmissionOutcome.Saved saved ? SubmissionsHttp.Ok(context, saved) : SubmissionsHttp.Map(context, scope, outcome, submitterId);
    }

    internal static async Task<Results<Created<SubmissionDto>, Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> WithdrawAsync(
        string hubId, string reportId, string periodKey, string submitterId, HttpContext context, [FromServices] SubmissionsServices services)
    {
        if (IdempotencyKeys.Of(context) is { Problem: { } keyProblem })
        {
            return keyProblem;
        }

        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var by = context.Request.Query["by"].ToString();
        var outcome = await services.Submissions.WithdrawAsync(scope.Hub, scope.Report, scope.Period, submitterId, SubmissionsHttp.IfMatch(context),
            SubmissionsHttp.Actor(by.Length is > 0 and <= 64 ? by : null), SubmissionsHttp.Idempotency(context, StatusCodes.Status200OK), context.RequestAborted).ConfigureAwait(false);
        return outcome is SubmissionOutcome.Saved saved ? SubmissionsHttp.Ok(context, saved) : SubmissionsHttp.Map(context, scope, outcome, submitterId);
    }
}

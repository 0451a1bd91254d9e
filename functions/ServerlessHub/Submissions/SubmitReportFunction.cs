using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Submissions;

/// <summary><c>POST …/periods/{periodKey}/submissions</c>: a unit's (or person's) report for a period.</summary>
public sealed class SubmitReportFunction(SubmissionsServices services)
{
    [Function("SubmitReport")]
    [EndpointSummary("Submit a report for a unit (or person)")]
    [EndpointDescription(
        "Submits a report for a unit (unitId) or, for per-person kinds, a person (userId); answers 201 with the submission and its ETag, flagged late after the due time. " +
        "Accepted from the period's opening until acceptLateFor later periods have fallen due, and once per submitter (409 otherwise: revise with PUT); an Idempotency-Key makes a retry safe. " +
        "Takes a key of the hub or an admin key.")]
    [Consumes(typeof(SubmitRequest), "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    public async Task<Results<Created<SubmissionDto>, Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SubmissionRoutes.Submissions)] HttpRequest request,
        string hubId, string reportId, string periodKey)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

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

        var values = SubmissionsHttp.ToValues(context, body.Fields);
        if ((values.Problem ?? SubmissionsHttp.RefuseName(context, body.SubmittedBy)) is { } invalid)
        {
            return invalid;
        }

        var outcome = await services.Submissions.SubmitAsync(
            scope.Hub, scope.Report, scope.Period, submitter, values.Values!,
            SubmissionsHttp.Actor(context, body.SubmittedBy), SubmissionsHttp.Idempotency(context, StatusCodes.Status201Created), context.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            SubmissionOutcome.Saved saved => SubmissionsHttp.Created(context, saved),
            SubmissionOutcome.AlreadySubmitted existing => Problems.Conflict(context, (
                $"“{submitter.Name}”已报送{scope.Report.Title}（{scope.Period.Key}，第 {existing.Existing.Revision} 版），如需修改请用 PUT。",
                $"'{submitter.Id}' has already submitted {reportId} for {scope.Period.Key} (revision {existing.Existing.Revision}); use PUT to revise it.")),
            SubmissionOutcome.Replayed replay => IdempotencyKeys.Replay(context, replay.Response),
            _ => SubmissionsHttp.Problem(context, scope, outcome),
        };
    }
}

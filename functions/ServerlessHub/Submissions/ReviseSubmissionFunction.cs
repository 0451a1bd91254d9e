using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Submissions;

/// <summary><c>PUT …/submissions/{submitterId}</c>: revises the fields given (null clears one); If-Match for optimistic concurrency.</summary>
public sealed class ReviseSubmissionFunction(SubmissionsServices services)
{
    [Function("ReviseSubmission")]
    [EndpointSummary("Revise some fields of a submission")]
    [EndpointDescription(
        "Changes only the fields given (null clears one) and records a new revision; with If-Match, a submission changed since it was read is refused with 412. " +
        "Refused with 409 for a withdrawn submission and once the period stops taking late changes (acceptLateFor); an Idempotency-Key makes a retry safe. " +
        "Takes a key of the hub or an admin key.")]
    [Consumes(typeof(ReviseRequest), "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status412PreconditionFailed)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    public async Task<Results<Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = SubmissionRoutes.Submission)] HttpRequest request,
        string hubId, string reportId, string periodKey, string submitterId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

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
        if ((values.Problem ?? SubmissionsHttp.RefuseName(context, body.RevisedBy ?? body.SubmittedBy)) is { } invalid)
        {
            return invalid;
        }

        var outcome = await services.Submissions.ReviseAsync(scope.Hub, scope.Report, scope.Period, submitterId, values.Values!, SubmissionsHttp.IfMatch(context),
            SubmissionsHttp.Actor(context, body.RevisedBy ?? body.SubmittedBy), SubmissionsHttp.Idempotency(context, StatusCodes.Status200OK), context.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            SubmissionOutcome.Saved saved => SubmissionsHttp.Ok(context, saved),
            SubmissionOutcome.Replayed replay => IdempotencyKeys.Replay(context, replay.Response),
            _ => SubmissionsHttp.Problem(context, scope, outcome, submitterId),
        };
    }
}

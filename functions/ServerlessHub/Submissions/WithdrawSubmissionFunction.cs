using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Submissions;

/// <summary><c>DELETE …/submissions/{submitterId}</c>: withdraws a submission, which stays in its history.</summary>
public sealed class WithdrawSubmissionFunction(SubmissionsServices services)
{
    [Function("WithdrawSubmission")]
    [EndpointSummary("Withdraw a submission (kept in its history)")]
    [EndpointDescription(
        "Withdraws a submission: it no longer counts as submitted, stays in its history, and can be submitted again with POST. " +
        "?by= names who withdraws; " +
        "If-Match and Idempotency-Key work as for revising, and the period must still take changes (409 otherwise). " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status412PreconditionFailed)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    public async Task<Results<Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = SubmissionRoutes.Submission)] HttpRequest request,
        string hubId, string reportId, string periodKey, string submitterId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
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

        var by = request.Query["by"].ToString();
        if (SubmissionsHttp.RefuseName(context, by) is { } invalidName)
        {
            return invalidName;
        }
        var outcome = await services.Submissions.WithdrawAsync(scope.Hub, scope.Report, scope.Period, submitterId, SubmissionsHttp.IfMatch(context),
            SubmissionsHttp.Actor(context, by), SubmissionsHttp.Idempotency(context, StatusCodes.Status200OK), context.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            SubmissionOutcome.Saved saved => SubmissionsHttp.Ok(context, saved),
            SubmissionOutcome.Replayed replay => IdempotencyKeys.Replay(context, replay.Response),
            _ => SubmissionsHttp.Problem(context, scope, outcome, submitterId),
        };
    }
}

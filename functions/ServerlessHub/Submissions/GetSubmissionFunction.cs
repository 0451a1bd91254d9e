using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.Submissions;

/// <summary><c>GET …/submissions/{submitterId}</c>: one submission with every revision; its ETag serves If-Match.</summary>
public sealed class GetSubmissionFunction(SubmissionsServices services)
{
    [Function("GetSubmission")]
    [EndpointSummary("Read a submission with its revisions")]
    [EndpointDescription(
        "Returns one submitter's submission for the period, withdrawn or not, with every revision: who, when, through which channel and which fields changed. " +
        "Its ETag is the value to send as If-Match when revising or withdrawing it. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionRoutes.Submission)] HttpRequest request,
        string hubId, string reportId, string periodKey, string submitterId)
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

        var stored = await services.Store.GetAsync(hubId, reportId, scope.Period.Key, submitterId, context.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            return SubmissionsHttp.NoSubmission(context, scope, submitterId);
        }

        var revisions = await services.Store.ListRevisionsAsync(hubId, reportId, scope.Period.Key, submitterId, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.ETag = stored.ETag.ToString("H");
        return TypedResults.Ok(SubmissionDto.From(stored.Submission, revisions));
    }
}

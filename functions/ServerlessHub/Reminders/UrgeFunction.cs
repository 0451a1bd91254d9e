using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Submissions;

namespace ServerlessHub.Reminders;

/// <summary>
/// <c>POST …/periods/{periodKey}/urge</c> (催报, hub key): sends a notice now to the liaisons of every unit still owing,
/// at most once per report period and hour (429 with Retry-After otherwise). <c>?by=</c> names who urges; the notice
/// says so.
/// </summary>
public sealed class UrgeFunction(ApiKeys keys, HubCatalog hubs, Urging urging, TimeProvider time)
{
    [Function("Urge")]
    [EndpointSummary("Urge (催报) the units that still owe a period's report")]
    [EndpointDescription(
        "Sends a reminder (催报) now to the liaisons of every unit or person that still owes the period's report, leaving out those on leave; " +
        "?by= names who urges, and the notice says so. " +
        "At most once per period and hour (429 with Retry-After otherwise). " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status429TooManyRequests)]
    public async Task<Results<Ok<UrgeDto>, JsonHttpResult<UrgeDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SubmissionRoutes.Periods + "/{periodKey}/urge")] HttpRequest request,
        string hubId, string reportId, string periodKey)
    {
        var context = request.HttpContext;
        if (await keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (scope, notFound) = await ReportScope.ResolveAsync(context, hubs, time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var by = request.Query["by"].ToString().Trim() is { Length: > 0 and <= 64 } named ? named : "牵头单位";
        var result = await urging.UrgeAsync(scope.Hub, scope.Report, scope.Period, by, $"http:{by}", context.RequestAborted).ConfigureAwait(false);
        var dto = new UrgeDto(hubId, reportId, scope.Period.Key, result.Outcome switch
        {
            UrgeOutcome.Sent => "sent",
            UrgeOutcome.NothingOwed => "nothing-owed",
            _ => "already-urged",
        }, result.Urged.Select(s => s.Id).ToList(), result.NextAllowed);
        if (result.Outcome != UrgeOutcome.AlreadyUrged)
        {
            return TypedResults.Ok(dto);
        }

        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((result.NextAllowed!.Value - time.GetUtcNow()).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Create(context, StatusCodes.Status429TooManyRequests, ("本小时已催报", "Already urged"),
            ($"“{scope.Report.Title}”{scope.Period.Key} 本小时已催报过，请在 {ReplyTime(scope.Hub, result.NextAllowed.Value)} 之后再催。", $"'{reportId}' {scope.Period.Key} was urged within this hour; urge again after {result.NextAllowed.Value:O}."));
    }

    private static string ReplyTime(Hub hub, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, hub.TimeZone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

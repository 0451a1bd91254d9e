using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Digests;
using ServerlessHub.Submissions;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Digests;

/// <summary>
/// <c>GET …/periods/{periodKey}/digest[?digest=ID]</c>: a period's digest rendered now, with its statistics, as the
/// scheduled post would read (<c>latest</c> names the latest period already due, <c>current</c> the one containing now).
/// Without <c>digest</c>, the kind's first digest, or the built-in template for its cadence when it has none.
/// </summary>
public sealed class GetDigestFunction(ApiKeys keys, HubCatalog hubs, DigestBuilder builder, DigestPostStore posts, TimeProvider time)
{
    /// <summary>Word that names the latest period already due, in place of a period key.</summary>
    public const string LatestPeriod = "latest";

    [Function("GetDigest")]
    [EndpointSummary("A period's digest (Markdown and statistics)")]
    [EndpointDescription(
        "Renders the period's digest now, as the scheduled group post would read: its Markdown, the parts as sent to a group robot (each at most 4,096 bytes), the statistics behind it, and the posts the schedule has made. " +
        "?digest= picks one of the kind's digests (by default the first, or the built-in template of its cadence); " +
        "{periodKey} may also be latest, the latest period already due. " +
        "Sends nothing; takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<DigestDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionRoutes.Periods + "/{periodKey}/digest")] HttpRequest request,
        string hubId, string reportId, string periodKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        if (await keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        ReportScope? scope;
        if (periodKey == LatestPeriod)
        {
            var (hub, report, problem) = await ReportScope.FindReportAsync(context, hubs, hubId, reportId).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (DigestCalendar.LastDue(hub!, report!, time.GetUtcNow()) is not { } latest)
            {
                return Problems.NotFound(context, ($"“{report!.Title}”最近 31 天内没有到期的周期。", $"No period of '{reportId}' fell due in the last 31 days."));
            }

            scope = new ReportScope(hub!, report!, latest);
        }
        else
        {
            (scope, var notFound) = await ReportScope.ResolveAsync(context, hubs, time, hubId, reportId, periodKey).ConfigureAwait(false);
            if (scope is null)
            {
                return notFound!;
            }
        }

        var digestId = request.Query["digest"].ToString();
        Digest? digest = null;
        if (digestId.Length > 0 && (digest = scope.Report.Digests.FirstOrDefault(d => d.Id == digestId)) is null)
        {
            return Problems.NotFound(context, (
                $"“{scope.Report.Title}”没有汇总“{digestId}”，可用：{(scope.Report.Digests.Count == 0 ? "无" : string.Join("、", scope.Report.Digests.Select(d => d.Id)))}。",
                $"'{reportId}' has no digest '{digestId}'."));
        }

        digest ??= scope.Report.Digests.Count > 0 ? scope.Report.Digests[0] : null;
        var built = await builder.BuildAsync(scope.Hub, scope.Report, digest, scope.Period, context.RequestAborted).ConfigureAwait(false);
        var posted = await posts.ListAsync(hubId, reportId, scope.Period.Key, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new DigestDto(hubId, reportId, scope.Period.Key, digest?.Id, built.Template, built.FallbackReason, built.Markdown,
            WeComMessageParts.Split(built.Markdown, WeComContentFormat.Markdown, WeComContentLimits.RobotMarkdownBytes), built.Statistics,
            [.. posted.Select(p => new DigestPostDto(p.DigestId, p.ChannelId, p.Post.ClaimedAt, p.Post.QueuedAt, p.Post.Template, p.Post.Note))]));
    }
}

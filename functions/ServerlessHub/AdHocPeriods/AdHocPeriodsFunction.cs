using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary>
/// <c>/api/hubs/{hubId}/reports/{reportId}/periods</c> for ad hoc report kinds (临时报送): open a window (POST) with its
/// own id and dates, and list the windows (GET). Other cadences open their periods by themselves.
/// </summary>
public static class AdHocPeriodsFunction
{
    private const int MaxDays = 366;

    public static void MapAdHocPeriods(this WebApplication app)
    {
        app.MapPost(app.HttpFunctionRoute("AdHocPeriods", HttpMethods.Post), OpenAsync).RequireHubKey().WithSummary("Open a window of an ad hoc report kind");
        app.MapGet(app.HttpFunctionRoute("AdHocPeriods", HttpMethods.Get), ListAsync).RequireHubKey().WithSummary("List the windows of an ad hoc report kind");
    }

    internal static async Task<Results<Created<PeriodDto>, ProblemHttpResult>> OpenAsync(
        string hubId, string reportId, HttpContext context, HubCatalog hubs, AdHocPeriodStore store, TimeProvider time)
    {
        var (body, problem) = await RequestBodies.ReadJsonAsync(context, SubmissionsJsonContext.Default.OpenPeriodRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (report, timeline, notFound) = await AdHocReportAsync(context, hubs, hubId, reportId).ConfigureAwait(false);
        if (report is null)
        {
            return notFound!;
        }

        var request = body!;
        if (request.Id is not { } id || !PeriodKey.IsValid(id) || id == ReportScope.CurrentPeriod)
        {
            return Problems.BadRequest(context, ("请给出窗口编号 id（如 2026-flood-check），不能含 / \\ # ? 或控制字符，也不能是 current。", "Give the window an id (e.g. 2026-flood-check) without / \\ # ? or control characters, other than 'current'."));
        }

        if (request.FirstDay is not { } first || request.LastDay is not { } last || last < first || last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return Problems.BadRequest(context, ($"请给出 firstDay 和 lastDay（如 2026-11-24），lastDay 不早于 firstDay，最长 {MaxDays} 天。", $"Give firstDay and lastDay (e.g. 2026-11-24), lastDay not before firstDay, at most {MaxDays} days."));
        }

        var openedBy = request.OpenedBy?.Trim() is { Length: > 0 } named ? named[..Math.Min(64, named.Length)] : "http";
        if (!await store.AddAsync(hubId, reportId, new AdHocWindow(id, first, last, openedBy, time.GetUtcNow()), context.RequestAborted).ConfigureAwait(false))
        {
            return Problems.Conflict(context, ($"“{report.Title}”已有窗口“{id}”。", $"'{reportId}' already has a window '{id}'."));
        }

        return TypedResults.Created($"{context.Request.Path}/{id}/status", PeriodDto.From(timeline!.AdHoc(id, first, last)));
    }

    internal static async Task<Results<Ok<PeriodListDto>, ProblemHttpResult>> ListAsync(string hubId, string reportId, HttpContext context, HubCatalog hubs, AdHocPeriodStore store)
    {
        var (report, timeline, notFound) = await AdHocReportAsync(context, hubs, hubId, reportId).ConfigureAwait(false);
        if (report is null)
        {
            return notFound!;
        }

        var windows = await store.ListAsync(hubId, reportId, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new PeriodListDto(hubId, reportId, windows.Select(w => PeriodDto.From(timeline!.AdHoc(w.Id, w.FirstDay, w.LastDay))).OrderBy(p => p.FirstDay).ToList()));
    }

    private static async Task<(ReportKind? Report, ReportTimeline? Timeline, ProblemHttpResult? Problem)> AdHocReportAsync(HttpContext context, HubCatalog hubs, string hubId, string reportId)
    {
        var (hub, report, notFound) = await ReportScope.FindReportAsync(context, hubs, hubId, reportId).ConfigureAwait(false);
        if (notFound is not null)
        {
            return (null, null, notFound);
        }

        return report!.Schedule.Cadence == Cadence.AdHoc
            ? (report, hub!.Timeline(report), null)
            : (null, null, Problems.BadRequest(context, ($"“{report.Title}”按周期自动开放，只有临时报送（adhoc）才需要手动开启窗口。", $"'{reportId}' opens its periods by itself; only ad hoc kinds have windows to open.")));
    }
}

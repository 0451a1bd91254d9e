using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary>The hub, report kind and period a request's route names, once found.</summary>
public sealed record ReportScope(Hub Hub, ReportKind Report, Period Period)
{
    /// <summary>Word that names the period containing now, in place of a period key.</summary>
    public const string CurrentPeriod = "current";

    /// <summary>Finds what the route names, or a 404 problem that says which part is unknown.</summary>
    public static async Task<(ReportScope? Scope, ProblemHttpResult? Problem)> ResolveAsync(
        HttpContext context, HubCatalog hubs, TimeProvider time, string hubId, string reportId, string periodKey)
    {
        var (hub, report, problem) = await FindReportAsync(context, hubs, hubId, reportId).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        var period = await FindPeriodAsync(context, hub!, report!, time, periodKey).ConfigureAwait(false);
        if (period is null)
        {
            return (null, Problems.NotFound(context, periodKey == CurrentPeriod
                ? ($"“{report!.Title}”当前不在任何报送周期内。", $"No period of '{reportId}' contains the current time.")
                : ($"“{report!.Title}”没有周期“{periodKey}”（示例：{Example(report.Schedule.Cadence)}）。", $"'{reportId}' has no period '{periodKey}' (e.g. {Example(report.Schedule.Cadence)}).")));
        }

        return (new ReportScope(hub!, report!, period), null);
    }

    /// <summary>The period of <paramref name="report"/> that <paramref name="periodKey"/> (or <see cref="CurrentPeriod"/>) names; null when none.</summary>
    public static async Task<Period?> FindPeriodAsync(HttpContext context, Hub hub, ReportKind report, TimeProvider time, string periodKey)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(time);
        var timeline = hub.Timeline(report);
        return report.Schedule.Cadence == Cadence.AdHoc
            ? await AdHocPeriodAsync(context, hub, report, timeline, time, periodKey).ConfigureAwait(false)
            : periodKey == CurrentPeriod ? timeline.Containing(time.GetUtcNow()) : PeriodKey.IsValid(periodKey) ? timeline.FromKey(periodKey) : null;
    }

    /// <summary>Finds the hub and report kind the route names, or a 404 problem that says which is unknown.</summary>
    public static async Task<(Hub? Hub, ReportKind? Report, ProblemHttpResult? Problem)> FindReportAsync(
        HttpContext context, HubCatalog hubs, string hubId, string reportId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(hubs);
        var hub = await hubs.GetAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        if (hub is null)
        {
            return (null, null, Problems.NotFound(context, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it.")));
        }

        var report = hub.FindReport(reportId);
        return report is not null
            ? (hub, report, null)
            : (hub, null, Problems.NotFound(context, (
                $"中枢“{hub.Definition.Name}”没有报送类型“{reportId}”，可用：{string.Join("、", hub.Definition.Reports.Select(r => $"{r.Id}（{r.Title}）"))}。",
                $"Hub '{hubId}' has no report kind '{reportId}'; it has {string.Join(", ", hub.Definition.Reports.Select(r => r.Id))}.")));
    }

    // Ad hoc windows are data, opened by coordinators: one point read (or, for "current", one partition query).
    private static async Task<Period?> AdHocPeriodAsync(HttpContext context, Hub hub, ReportKind report, ReportTimeline timeline, TimeProvider time, string periodKey)
    {
        var store = context.RequestServices.GetRequiredService<AdHocPeriodStore>();
        if (periodKey == CurrentPeriod)
        {
            var now = time.GetUtcNow();
            var windows = await store.ListAsync(hub.Id, report.Id, context.RequestAborted).ConfigureAwait(false);
            return windows.Select(w => timeline.AdHoc(w.Id, w.FirstDay, w.LastDay)).Where(p => p.Contains(now)).MinBy(p => p.Due);
        }

        return PeriodKey.IsValid(periodKey) && await store.GetAsync(hub.Id, report.Id, periodKey, context.RequestAborted).ConfigureAwait(false) is { } window
            ? timeline.AdHoc(window.Id, window.FirstDay, window.LastDay)
            : null;
    }

    private static string Example(Cadence cadence) => cadence switch
    {
        Cadence.Weekly => "2026-W48",
        Cadence.Monthly => "2026-11",
        Cadence.Quarterly => "2026-Q4",
        _ => CurrentPeriod,
    };
}

using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Submissions;

/// <summary>What the ad hoc window functions share: the report kind must be ad hoc (临时报送), whose windows are opened by hand.</summary>
internal static class AdHocWindows
{
    public static async Task<(Hub? Hub, ReportKind? Report, ProblemHttpResult? Problem)> FindReportAsync(HttpContext context, HubCatalog hubs, string hubId, string reportId)
    {
        var (hub, report, notFound) = await ReportScope.FindReportAsync(context, hubs, hubId, reportId).ConfigureAwait(false);
        if (notFound is not null)
        {
            return (null, null, notFound);
        }

        return report!.Schedule.Cadence == Cadence.AdHoc
            ? (hub, report, null)
            : (null, null, Problems.BadRequest(context, ($"“{report.Title}”按周期自动开放，只有临时报送（adhoc）才需要手动开启窗口。", $"'{reportId}' opens its periods by itself; only ad hoc kinds have windows to open.")));
    }
}

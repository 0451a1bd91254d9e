using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Exports;

/// <summary>One partition an export reads: a report kind's period.</summary>
internal sealed record ExportPart(ReportKind Report, Period Period);

/// <summary>
/// What one export reads, worked out before the first byte is sent so that every refusal is still a problem answer:
/// the hub, its report kinds in column order (one, or all in document order), and the (kind, period) partitions in
/// the order their rows are written — by kind, then by period.
/// </summary>
internal sealed record ExportPlan(Hub Hub, IReadOnlyList<ReportKind> Reports, bool AllKinds, IReadOnlyList<ExportPart> Parts, string Span)
{
    /// <summary>
    /// The most partitions one export reads. A year of a weekly and a monthly kind is 67; this leaves room for ad hoc
    /// windows while bounding the queries one request makes.
    /// </summary>
    public const int MaxPeriods = 400;

    public static async Task<(ExportPlan? Plan, ProblemHttpResult? Problem)> ForReportAsync(HttpContext context, ExportServices services, string hubId, string reportId, ExportQuery query)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Selection is ExportSelection.OnePeriod one)
        {
            var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, one.Key).ConfigureAwait(false);
            return scope is null
                ? (null, notFound)
                : (new ExportPlan(scope.Hub, [scope.Report], false, [new ExportPart(scope.Report, scope.Period)], scope.Period.Key), null);
        }

        var (hub, report, problem) = await ReportScope.FindReportAsync(context, services.Hubs, hubId, reportId).ConfigureAwait(false);
        return problem is not null ? (null, problem) : await ForDaysAsync(context, services, hub!, [report!], false, (ExportSelection.Days)query.Selection).ConfigureAwait(false);
    }

    public static async Task<(ExportPlan? Plan, ProblemHttpResult? Problem)> ForHubAsync(HttpContext context, ExportServices services, string hubId, ExportQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(query);
        var hub = await services.Hubs.GetAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        if (hub is null)
        {
            return (null, Problems.NotFound(context, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it.")));
        }

        var reports = hub.Definition.Reports;
        if (query.Selection is ExportSelection.Days days)
        {
            return await ForDaysAsync(context, services, hub, reports, true, days).ConfigureAwait(false);
        }

        // A period key names a period of the kinds with that cadence only (2026-W47 is a week, 2026-11 a month):
        // the others are left out, and only a key no kind knows is an error.
        var key = ((ExportSelection.OnePeriod)query.Selection).Key;
        var parts = new List<ExportPart>();
        foreach (var report in reports)
        {
            if (await ReportScope.FindPeriodAsync(context, hub, report, services.Time, key).ConfigureAwait(false) is { } period)
            {
                parts.Add(new ExportPart(report, period));
            }
        }

        return parts.Count > 0
            ? (new ExportPlan(hub, reports, true, parts, string.Join('_', parts.Select(p => p.Period.Key).Distinct(StringComparer.Ordinal))), null)
            : (null, Problems.NotFound(context, key == ReportScope.CurrentPeriod
                ? ($"中枢“{hub.Definition.Name}”的报送类型当前都不在报送周期内。", $"No report kind of hub '{hubId}' has a period containing the current time.")
                : ($"中枢“{hub.Definition.Name}”没有哪个报送类型有周期“{key}”（示例：2026-W47、2026-11）。", $"No report kind of hub '{hubId}' has a period '{key}' (e.g. 2026-W47, 2026-11).")));
    }

    /// <summary>The attachment's file name: Chinese (RFC 5987 <c>filename*</c>) and an ASCII fallback for old clients.</summary>
    public (string Chinese, string Ascii) FileName(ExportFormat format)
    {
        var extension = format == ExportFormat.Xlsx ? "xlsx" : "csv";
        var chinese = $"{(AllKinds ? Hub.Definition.Name : Reports[0].Title)}_{Span}.{extension}";
        var ascii = $"{Hub.Id}{(AllKinds ? "" : "-" + Reports[0].Id)}-{Span.Replace("至", "_", StringComparison.Ordinal)}.{extension}";
        return (chinese, AsciiOnly(ascii));
    }

    private static async Task<(ExportPlan? Plan, ProblemHttpResult? Problem)> ForDaysAsync(
        HttpContext context, ExportServices services, Hub hub, IReadOnlyList<ReportKind> reports, bool allKinds, ExportSelection.Days days)
    {
        var parts = new List<ExportPart>();
        foreach (var report in reports)
        {
            var timeline = hub.Timeline(report);
            if (report.Schedule.Cadence == Cadence.AdHoc)
            {
                var windows = await services.AdHocPeriods.ListAsync(hub.Id, report.Id, context.RequestAborted).ConfigureAwait(false);
                parts.AddRange(windows
                    .Where(w => w.FirstDay <= days.To && w.LastDay >= days.From)
                    .OrderBy(w => w.FirstDay).ThenBy(w => w.Id, StringComparer.Ordinal)
                    .Select(w => new ExportPart(report, timeline.AdHoc(w.Id, w.FirstDay, w.LastDay))));
            }
            else
            {
                parts.AddRange(timeline.Overlapping(days.From, days.To).Select(p => new ExportPart(report, p)));
            }
        }

        var span = string.Create(CultureInfo.InvariantCulture, $"{days.From:yyyy-MM-dd}至{days.To:yyyy-MM-dd}");
        return parts.Count <= MaxPeriods
            ? (new ExportPlan(hub, reports, allKinds, parts, span), null)
            : (null, Problems.BadRequest(context, (
                $"{span} 含 {parts.Count} 个报送周期，一次最多导出 {MaxPeriods} 个，请缩小日期范围。",
                $"{days.From:yyyy-MM-dd} to {days.To:yyyy-MM-dd} holds {parts.Count} periods; one export reads at most {MaxPeriods}. Narrow the range.")));
    }

    private static string AsciiOnly(string name)
    {
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            ascii.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return ascii.ToString();
    }
}

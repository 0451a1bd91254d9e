using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Http;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Exports;

/// <summary>The file an export is written as.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180 CSV in UTF-8 with a byte order mark.</summary>
    Csv,
    /// <summary>An Excel workbook (Office Open XML) of one sheet.</summary>
    Xlsx,
}

/// <summary>Which periods an export covers: one named period, or every period with a local day in a date range.</summary>
internal abstract record ExportSelection
{
    /// <summary>A period key, or <see cref="ReportScope.CurrentPeriod"/>.</summary>
    public sealed record OnePeriod(string Key) : ExportSelection;

    /// <summary>Local days in the hub's time zone, both included.</summary>
    public sealed record Days(DateOnly From, DateOnly To) : ExportSelection;
}

/// <summary>What the query string of an export asks for: <c>format=csv|xlsx</c>, and <c>period=</c> or <c>from=&amp;to=</c>.</summary>
internal sealed record ExportQuery(ExportFormat Format, ExportSelection Selection)
{
    /// <summary>The longest date range, in days: a year, leap day included.</summary>
    public const int MaxDays = 366;

    private const string DayFormat = "yyyy-MM-dd";

    public static (ExportQuery? Query, ProblemHttpResult? Problem) Parse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var formatText = query["format"].ToString();
        ExportFormat format;
        switch (formatText.ToUpperInvariant())
        {
            case "" or "CSV": format = ExportFormat.Csv; break;
            case "XLSX": format = ExportFormat.Xlsx; break;
            default:
                return (null, Problems.BadRequest(context, ($"format 只能是 csv 或 xlsx，而不是“{formatText}”。", $"'format' must be csv or xlsx, not '{formatText}'.")));
        }

        var period = query["period"].ToString();
        var from = query["from"].ToString();
        var to = query["to"].ToString();
        if (period.Length > 0)
        {
            if (from.Length > 0 || to.Length > 0)
            {
                return (null, Problems.BadRequest(context, ("period 与 from/to 只能选其一。", "Give either 'period' or 'from' and 'to', not both.")));
            }

            return PeriodKey.IsValid(period)
                ? (new ExportQuery(format, new ExportSelection.OnePeriod(period)), null)
                : (null, Problems.BadRequest(context, ($"“{period}”不是有效的周期，示例：2026-W47、2026-11、current。", $"'{period}' is not a period key (e.g. 2026-W47, 2026-11, current).")));
        }

        if (from.Length == 0 || to.Length == 0)
        {
            return (null, Problems.BadRequest(context, (
                "请提供 period（周期，如 2026-W47），或同时提供 from 与 to（日期，如 2026-11-16，含首尾两天）。",
                "Give 'period' (e.g. 2026-W47), or both 'from' and 'to' (dates like 2026-11-16, both included).")));
        }

        if (!TryDay(from, out var first) || !TryDay(to, out var last))
        {
            var (name, text) = TryDay(from, out _) ? ("to", to) : ("from", from);
            return (null, Problems.BadRequest(context, ($"{name} 应为日期，如 2026-11-16，而不是“{text}”。", $"'{name}' must be a date like 2026-11-16, not '{text}'.")));
        }

        if (last < first)
        {
            return (null, Problems.BadRequest(context, ($"to（{to}）不能早于 from（{from}）。", $"'to' ({to}) is before 'from' ({from}).")));
        }

        var days = last.DayNumber - first.DayNumber + 1;
        return days <= MaxDays
            ? (new ExportQuery(format, new ExportSelection.Days(first, last)), null)
            : (null, Problems.BadRequest(context, ($"日期范围最多 {MaxDays} 天，{from} 至 {to} 共 {days} 天，请分段导出。", $"The range may span at most {MaxDays} days; {from} to {to} spans {days}. Export it in parts.")));
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && Periods.PeriodKey.IsSupportedDay(day);
}

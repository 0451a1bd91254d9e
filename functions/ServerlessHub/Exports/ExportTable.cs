using System.Globalization;
using System.Runtime.CompilerServices;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;

namespace ServerlessHub.Exports;

/// <summary>
/// The sheet of an export: Chinese headers and one row per submission that is not withdrawn. Fixed columns first —
/// 报送类型 (all-kinds exports only), 周期, 单位, 联络员, 报送时间, 是否迟报, 渠道, 修改次数 — then a column per field,
/// headed by its label; in an all-kinds export by 报送类型·标签 (周报·本周进展), so equal labels of two kinds never share
/// a column. A header that would repeat one before it gets ·{field id} appended.
/// </summary>
/// <remarks>
/// Cells are typed for the spreadsheet: number fields and 修改次数 are numbers, everything else text; 报送时间 is when
/// the submission was made (a resubmission after a withdrawal, when it was made again), in the hub's time zone
/// (yyyy-MM-dd HH:mm): what 迟报 is judged by; 修改次数 counts
/// every change after the first submission (revisions, and a withdrawal with its resubmission).
/// </remarks>
internal sealed class ExportTable
{
    private readonly ExportPlan _plan;
    private readonly Dictionary<(string ReportId, string FieldId), int> _fieldColumns = [];

    public ExportTable(ExportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        var headers = new List<string>();
        if (plan.AllKinds)
        {
            headers.Add("报送类型");
        }

        headers.AddRange(["周期", "单位", "联络员", "报送时间", "是否迟报", "渠道", "修改次数"]);
        var used = headers.ToHashSet(StringComparer.Ordinal);
        foreach (var report in plan.Reports)
        {
            foreach (var field in report.Fields)
            {
                var header = plan.AllKinds ? $"{report.Title}·{field.Label}" : field.Label;
                if (!used.Add(header))
                {
                    header = $"{header}·{field.Id}";
                    used.Add(header);
                }

                _fieldColumns[(report.Id, field.Id)] = headers.Count;
                headers.Add(header);
            }
        }

        Headers = headers;
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>
    /// The rows, read partition by partition with one single-partition query each and yielded as the query pages
    /// arrive: what is held at any time is one page of submissions, not the export.
    /// </summary>
    public async IAsyncEnumerable<object?[]> RowsAsync(SubmissionStore store, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var (report, period) in _plan.Parts)
        {
            await foreach (var submission in store.QueryPeriodAsync(_plan.Hub.Id, report.Id, period.Key, cancellationToken).ConfigureAwait(false))
            {
                if (!submission.Withdrawn)
                {
                    yield return Row(report, submission);
                }
            }
        }
    }

    private object?[] Row(ReportKind report, Submission submission)
    {
        var hub = _plan.Hub;
        var row = new object?[Headers.Count];
        var column = 0;
        if (_plan.AllKinds)
        {
            row[column++] = report.Title;
        }

        row[column++] = submission.PeriodKey;
        row[column++] = hub.FindUnit(submission.UnitId)?.Name ?? submission.UnitId;
        row[column++] = Liaison(hub, report, submission);
        row[column++] = TimeZoneInfo.ConvertTime(submission.FirstSubmittedAt, hub.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        row[column++] = submission.Late ? "是" : "否";
        row[column++] = Channel(submission.Channel);
        row[column] = Math.Max(0, submission.Revision - 1);
        foreach (var field in report.Fields)
        {
            if (submission.Fields.TryGetValue(field.Id, out var value))
            {
                row[_fieldColumns[(report.Id, field.Id)]] = field.Type == FieldType.Number && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : value;
            }
        }

        return row;
    }

    // Per-person kinds are submitted by the liaison the row is for; for per-unit kinds, whoever sent it. Submissions
    // over HTTP may name someone outside the hub (or only the key), so an unknown id is shown as it was recorded.
    private static string Liaison(Hub hub, ReportKind report, Submission submission)
    {
        var who = report.Submitters.Scope == SubmitterScope.Person ? submission.SubmitterId : submission.SubmittedBy;
        return hub.FindPerson(who)?.Name ?? who;
    }

    private static string Channel(SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.Http => "HTTP",
        SubmissionChannel.WeComApp => "企业微信应用",
        SubmissionChannel.WeComBot => "智能机器人",
        _ => channel.ToString(),
    };
}

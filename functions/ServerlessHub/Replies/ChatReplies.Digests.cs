using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Replies;

public sealed partial class ChatReplies
{
    /// <summary>The longest field value shown by 看, in characters: the whole report, as far as a chat message carries it.</summary>
    public const int ShowLength = 500;

    /// <summary>看: what <paramref name="unit"/> wrote for the period (each current submission, for per-person kinds), or that it has not.</summary>
    public Reply UnitReport(Hub hub, ReportKind kind, Period period, Unit unit, IReadOnlyList<Submission> submissions)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(submissions);
        var entries = submissions.Select(s => new UnitReportEntry(
            hub.FindPerson(s.SubmittedBy)?.Name ?? SubmitterName(hub, kind, s.SubmitterId),
            ReplyFormat.When(s.FirstSubmittedAt, hub.TimeZone), s.Late, s.Revision,
            [.. kind.Fields.Where(f => s.Fields.TryGetValue(f.Id, out var v) && v.Length > 0).Select(f => new FieldLine(f.Label, ReplyFormat.Clip(s.Fields[f.Id], ShowLength)))])).ToList();
        return Render("chat/unit-report", new UnitReportModel(View(hub), kind.Title, ReplyFormat.Period(kind, period), unit.Name,
            ReplyFormat.When(period.Due, hub.TimeZone), time.GetUtcNow() > period.Due, entries));
    }

    /// <summary>看 without a unit, or with words that name none or several: which units there are.</summary>
    public Reply UnitChoice(Hub hub, ReportKind kind, string query, IReadOnlyList<Unit> candidates)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(candidates);
        return Render("chat/unit-choose", new UnitChooseModel(View(hub), kind.Title, ReplyFormat.Clip(query, 20), [.. candidates.Take(10).Select(u => u.Name)]));
    }
}

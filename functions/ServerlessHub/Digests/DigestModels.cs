using System.Globalization;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Replies;
using ServerlessHub.Submissions;

namespace ServerlessHub.Digests;

/// <summary>Turns <see cref="DigestStatistics"/> into the model a digest template reads: zh-CN dates and rates, and
/// every written text escaped for WeCom Markdown.</summary>
internal static class DigestModels
{
    public static DigestModel From(Hub hub, ReportKind kind, DigestStatistics statistics)
    {
        var period = statistics.Period;
        var zone = hub.TimeZone;
        var counts = statistics.Counts;
        string Esc(string text) => MarkdownText.Escape(text);
        List<string> Names(SubmitterState state) => [.. statistics.Submitters.Where(s => s.State == state).Select(s => Esc(s.Name))];
        return new DigestModel(
            Esc(hub.Definition.Name),
            Esc(kind.Title),
            ReplyFormat.Period(kind, period),
            ReplyFormat.PeriodShort(kind, period),
            ReplyFormat.When(statistics.AsOf, zone),
            ReplyFormat.When(period.Due, zone),
            statistics.AsOf > period.Due,
            counts.Expected, counts.Submitted, counts.OnTime, counts.Late, counts.Missing, counts.Pending, counts.OnLeave,
            ReplyFormat.Percent(counts.SubmissionRate),
            ReplyFormat.Percent(counts.OnTimeRate),
            [.. statistics.Submitters.Where(s => s.State == SubmitterState.Missing)
                .Select(s => new MissingLine(Esc(s.Name), s.Liaisons.Count == 0 ? "未指定" : Esc(string.Join("、", s.Liaisons)), s.DaysLate ?? 0))],
            [.. statistics.Submitters.Where(s => s.State == SubmitterState.Late)
                .Select(s => new LateLine(Esc(s.Name), ReplyFormat.When(s.SubmittedAt!.Value, zone), s.DaysLate ?? 0))],
            Names(SubmitterState.Pending),
            Names(SubmitterState.OnLeave),
            [.. statistics.Highlights.Select(t => new TextLine(Esc(t.Name), Esc(t.Text)))],
            [.. statistics.Problems.Select(t => new TextLine(Esc(t.Name), Esc(t.Text)))],
            [.. statistics.Totals.Select(t => new TotalLine(Esc(t.Label), Number(t.Total), t.Previous is { } p ? Number(p) : null,
                t.Previous is { } q ? Change(t.Total - q) : null))],
            [.. statistics.Quotas.Select(q => new QuotaLine(Esc(q.Label), q.Quota.AtLeast, q.Quota.Per == QuotaSpan.Semester ? "学期" : "年",
                q.Span?.Name is { } span ? Esc(span) : null, q.Met, statistics.Submitters.Count,
                [.. q.Behind.Select(b => new QuotaBehind(Esc(b.Name), Number(b.Total)))]))],
            statistics.Previous is { } previous
                ? new TrendLine(ReplyFormat.PeriodShort(kind, previous.Period), previous.Counts.Submitted, ReplyFormat.Percent(previous.Counts.SubmissionRate),
                    ReplyFormat.Percent(previous.Counts.OnTimeRate), Points(counts.OnTimeRate - previous.Counts.OnTimeRate))
                : null,
            statistics.RankingSpan?.Name is { } rankingSpan ? Esc(rankingSpan) : null,
            [.. statistics.Ranking.Select(r => new RankLine(r.Rank, Esc(r.Name), ReplyFormat.Percent(r.OnTimeRate), r.OnTime, r.Due, r.Streak))],
            Holidays(hub, period));
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Change(decimal delta) => delta == 0 ? "持平" : delta > 0 ? "+" + Number(delta) : Number(delta);

    private static string Points(double delta)
    {
        var points = Math.Round(delta * 100, 1);
        return points == 0 ? "持平" : points > 0
            ? string.Create(CultureInfo.InvariantCulture, $"上升 {points:0.#} 个百分点")
            : string.Create(CultureInfo.InvariantCulture, $"下降 {-points:0.#} 个百分点");
    }

    // The days off inside the period that fall on weekdays (statutory holidays, the hub's own days off), for a note
    // that the week was short.
    private static List<string> Holidays(Hub hub, Period period)
    {
        var days = new List<string>();
        for (var day = period.FirstDay; day <= period.LastDay && days.Count < 31; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !hub.Calendar.IsWorkingDay(day))
            {
                days.Add(ReplyFormat.Day(day));
            }
        }

        return days;
    }
}

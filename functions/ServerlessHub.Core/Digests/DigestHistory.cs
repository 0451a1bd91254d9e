using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Digests;

/// <summary>A stretch of days a ranking or quota counts over: a school term or a calendar year.</summary>
/// <param name="Name">How it reads, e.g. 2026-2027学年第一学期 or 2026年.</param>
/// <param name="FirstDay">Its first day.</param>
/// <param name="LastDay">Its last day.</param>
public sealed record DigestSpan(string Name, DateOnly FirstDay, DateOnly LastDay);

/// <summary>
/// Which earlier periods a digest of <see cref="Period"/> looks back on: the previous period (the trend), the periods of
/// the span the ranking counts (the term, or else the year), and those of each quota's span.
/// </summary>
/// <param name="Period">The period the digest is about.</param>
/// <param name="Previous">The period before it, when the cadence has one.</param>
/// <param name="RankingSpan">The span of the ranking; null for cadences without a sequence of periods.</param>
/// <param name="RankingPeriods">The ranking span's periods up to and including <see cref="Period"/>, earliest first.</param>
/// <param name="QuotaSpans">Each quota's span, or null when the period lies in no term.</param>
/// <param name="QuotaPeriods">Each quota's periods up to and including <see cref="Period"/>.</param>
public sealed record DigestHistory(
    Period Period,
    Period? Previous,
    DigestSpan? RankingSpan,
    IReadOnlyList<Period> RankingPeriods,
    IReadOnlyList<DigestSpan?> QuotaSpans,
    IReadOnlyList<IReadOnlyList<Period>> QuotaPeriods)
{
    /// <summary>The most periods looked back on: a weekly kind over a year has 53.</summary>
    public const int MaxPeriods = 400;

    /// <summary>Every earlier period whose ledger entries the digest reads, earliest first.</summary>
    public IReadOnlyList<Period> Earlier =>
        [.. RankingPeriods.Concat(QuotaPeriods.SelectMany(p => p)).Append(Previous).OfType<Period>()
            .Where(p => p.Key != Period.Key).DistinctBy(p => p.Key).OrderBy(p => p.Start)];

    /// <summary>Works out the history of <paramref name="period"/> of <paramref name="kind"/> in <paramref name="hub"/>.</summary>
    public static DigestHistory Plan(Hub hub, ReportKind kind, Period period)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        var timeline = hub.Timeline(kind);
        var recurring = kind.Schedule.Cadence is Cadence.Weekly or Cadence.Monthly or Cadence.Quarterly;
        var previous = kind.Schedule.Cadence is Cadence.AdHoc or Cadence.Once ? null : timeline.Previous(period);
        var term = TermOf(hub, period.FirstDay);
        var rankingSpan = recurring ? term ?? YearOf(period.FirstDay) : null;
        var quotaSpans = kind.Quotas.Select(q => q.Per == QuotaSpan.Semester ? term : YearOf(period.FirstDay)).ToList();
        return new DigestHistory(
            period,
            previous,
            rankingSpan,
            rankingSpan is null ? [] : Back(timeline, period, rankingSpan),
            quotaSpans,
            [.. quotaSpans.Select(span => span is null ? (IReadOnlyList<Period>)[] : Back(timeline, period, span))]);
    }

    private static List<Period> Back(ReportTimeline timeline, Period period, DigestSpan span)
    {
        var found = new List<Period>();
        for (Period? p = period; p is not null && p.LastDay >= span.FirstDay && found.Count < MaxPeriods; p = Before(timeline, p))
        {
            found.Add(p);
        }

        found.Reverse();
        return found;
    }

    private static Period? Before(ReportTimeline timeline, Period period) =>
        period.Cadence is Cadence.AdHoc or Cadence.Once ? null : timeline.Previous(period);

    private static DigestSpan? TermOf(Hub hub, DateOnly day) =>
        hub.Definition.Terms.FirstOrDefault(t => t.FirstDay <= day && day <= t.LastDay) is { } t ? new DigestSpan(t.Name, t.FirstDay, t.LastDay) : null;

    private static DigestSpan YearOf(DateOnly day) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day.Year}年"), new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
}

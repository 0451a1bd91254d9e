using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Digests;

/// <summary>The counts of a period and its two rates (报送率, 按期报送率), as <see cref="PeriodStatus"/> reckons them.</summary>
public sealed record DigestCounts(int Expected, int Submitted, int OnTime, int Late, int Missing, int Pending, int OnLeave, double SubmissionRate, double OnTimeRate)
{
    public static DigestCounts Of(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.Expected, status.Submitted, status.OnTime, status.Late, status.Missing, status.Pending, status.OnLeave, status.SubmissionRate, status.OnTimeRate);
    }
}

/// <summary>One expected submitter's line: where it stands, when it submitted, how many days late (for late and
/// missing ones), and its liaisons' names.</summary>
public sealed record SubmitterResult(string SubmitterId, string UnitId, string Name, SubmitterState State, DateTimeOffset? SubmittedAt, int? DaysLate, IReadOnlyList<string> Liaisons);

/// <summary>A text a submitter wrote, as it was written (escape it before it reaches a chat).</summary>
public sealed record SubmitterText(string SubmitterId, string Name, string Text);

/// <summary>The total of a number field this period and the period before (null when there is none).</summary>
public sealed record FieldTotal(string FieldId, string Label, decimal Total, decimal? Previous);

/// <summary>A submitter short of a quota, with what it has so far.</summary>
public sealed record QuotaShortfall(string SubmitterId, string Name, decimal Total);

/// <summary>A quota's progress over its span so far: how many submitters met it, and who is behind.</summary>
/// <param name="Quota">The quota.</param>
/// <param name="Label">The field's label.</param>
/// <param name="Span">The span counted; null when the period lies in no term (nothing is counted).</param>
/// <param name="Met">Submitters at or over the target.</param>
/// <param name="Behind">Submitters under it, furthest behind first (ties in the hub definition's order).</param>
public sealed record QuotaProgress(Quota Quota, string Label, DigestSpan? Span, int Met, IReadOnlyList<QuotaShortfall> Behind);

/// <summary>A submitter's place in the ranking (一周一评比): on-time periods of the span's due periods, and the run of
/// on-time periods ending with the latest.</summary>
public sealed record RankingEntry(int Rank, string SubmitterId, string Name, int OnTime, int Due, double OnTimeRate, int Streak);

/// <summary>The previous period's counts, from the ledger (leave is not known there, so nobody is excused).</summary>
public sealed record DigestTrend(Period Period, DigestCounts Counts);

/// <summary>
/// Everything a digest says about one period of one report kind, computed from the period's submissions, the hub's
/// leave and the ledger of earlier periods; pure, so it is tested without storage.
/// </summary>
public sealed record DigestStatistics(
    string HubId,
    string ReportId,
    Period Period,
    DateTimeOffset AsOf,
    DigestCounts Counts,
    IReadOnlyList<SubmitterResult> Submitters,
    IReadOnlyList<SubmitterText> Highlights,
    IReadOnlyList<SubmitterText> Problems,
    IReadOnlyList<FieldTotal> Totals,
    IReadOnlyList<QuotaProgress> Quotas,
    DigestTrend? Previous,
    DigestSpan? RankingSpan,
    IReadOnlyList<RankingEntry> Ranking)
{
    /// <param name="hub">The hub.</param>
    /// <param name="kind">The report kind.</param>
    /// <param name="digest">The digest, for its highlights and problems fields; null takes the defaults
    /// (<see cref="DefaultHighlightsField"/>, <see cref="DefaultProblemsField"/>).</param>
    /// <param name="history">The periods looked back on (<see cref="DigestHistory.Plan"/>).</param>
    /// <param name="submissions">The period's current submissions.</param>
    /// <param name="leave">The hub's leave around the period's due day.</param>
    /// <param name="ledger">Ledger entries of the earlier periods in <paramref name="history"/> (others are ignored).</param>
    /// <param name="now">As of when.</param>
    public static DigestStatistics Compute(Hub hub, ReportKind kind, Digest? digest, DigestHistory history, IEnumerable<Submission> submissions,
        IEnumerable<LeaveRecord> leave, IEnumerable<LedgerEntry> ledger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(ledger);
        var period = history.Period;
        var current = submissions.Where(s => !s.Withdrawn).ToDictionary(s => s.SubmitterId, StringComparer.Ordinal);
        var status = PeriodStatus.Compute(hub, kind, period, current.Values, leave, now);
        var names = status.Submitters.ToDictionary(s => s.SubmitterId, s => s.Name, StringComparer.Ordinal);
        var earlier = ledger.Where(e => !e.Withdrawn && e.PeriodKey != period.Key)
            .GroupBy(e => e.PeriodKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(e => e.SubmitterId, StringComparer.Ordinal), StringComparer.Ordinal);
        var here = current.Values.ToDictionary(s => s.SubmitterId, s => LedgerEntry.Of(s, kind), StringComparer.Ordinal);
        IReadOnlyDictionary<string, LedgerEntry> Entries(Period p) =>
            p.Key == period.Key ? here : earlier.GetValueOrDefault(p.Key) ?? new Dictionary<string, LedgerEntry>();

        var results = status.Submitters.Select(s => new SubmitterResult(
            s.SubmitterId, s.UnitId, s.Name, s.State, s.SubmittedAt,
            s.State switch
            {
                SubmitterState.Late => DaysAfter(period.Due, s.SubmittedAt!.Value),
                SubmitterState.Missing => DaysAfter(period.Due, now),
                _ => null,
            },
            [.. hub.Liaisons(s.UnitId).Where(p => kind.Submitters.Scope == SubmitterScope.Unit || p.UserId == s.SubmitterId).Select(p => p.Name)])).ToList();

        var highlightsField = digest?.HighlightsFieldId ?? DefaultHighlightsField(kind);
        var problemsField = digest?.ProblemsFieldId ?? DefaultProblemsField(kind);
        List<SubmitterText> Texts(string? fieldId, bool skipEmpty) => fieldId is null ? [] :
            [.. status.Submitters.Where(s => current.ContainsKey(s.SubmitterId))
                .Select(s => (s, text: current[s.SubmitterId].Fields.GetValueOrDefault(fieldId)))
                .Where(x => !string.IsNullOrWhiteSpace(x.text) && !(skipEmpty && EmptyAnswers.IsEmpty(x.text)))
                .Select(x => new SubmitterText(x.s.SubmitterId, x.s.Name, x.text!.Trim()))];

        var previous = history.Previous is { } prev ? Trend(hub, kind, prev, Entries(prev)) : null;
        var totals = kind.Fields.Where(f => f.Type == FieldType.Number).Select(f => new FieldTotal(
            f.Id, f.Label, here.Values.Sum(e => e.Numbers.GetValueOrDefault(f.Id)),
            history.Previous is { } p ? Entries(p).Values.Sum(e => e.Numbers.GetValueOrDefault(f.Id)) : null)).ToList();

        var quotas = kind.Quotas.Select((quota, i) =>
        {
            var label = kind.Fields.First(f => f.Id == quota.FieldId).Label;
            if (history.QuotaSpans[i] is not { } span)
            {
                return new QuotaProgress(quota, label, null, 0, []);
            }

            var sums = status.Submitters.Select(s => new QuotaShortfall(s.SubmitterId, s.Name,
                history.QuotaPeriods[i].Sum(p => Entries(p).GetValueOrDefault(s.SubmitterId)?.Numbers.GetValueOrDefault(quota.FieldId) ?? 0))).ToList();
            return new QuotaProgress(quota, label, span, sums.Count(s => s.Total >= quota.AtLeast),
                [.. sums.Where(s => s.Total < quota.AtLeast).OrderBy(s => s.Total)]);
        }).ToList();

        return new DigestStatistics(hub.Id, kind.Id, period, now, DigestCounts.Of(status), results,
            Texts(highlightsField, skipEmpty: false), Texts(problemsField, skipEmpty: true), totals, quotas, previous, history.RankingSpan,
            Rank(status, history.RankingPeriods.Where(p => p.Due <= now).ToList(), Entries, names));
    }

    /// <summary>The default highlights field: one with id <c>highlights</c>, else the first required text field.</summary>
    public static string? DefaultHighlightsField(ReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var text = kind.Fields.Where(f => f.Type == FieldType.Text).ToList();
        return (text.FirstOrDefault(f => f.Id == "highlights") ?? text.FirstOrDefault(f => f.Required) ?? text.FirstOrDefault())?.Id;
    }

    /// <summary>The default problems field: one with id <c>problems</c>, if the kind has it.</summary>
    public static string? DefaultProblemsField(ReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.Fields.FirstOrDefault(f => f.Type == FieldType.Text && f.Id == "problems")?.Id;
    }

    private static DigestTrend Trend(Hub hub, ReportKind kind, Period period, IReadOnlyDictionary<string, LedgerEntry> entries)
    {
        var expected = hub.ExpectedSubmitters(kind);
        var submitted = expected.Count(e => entries.ContainsKey(e.Id));
        var onTime = expected.Count(e => entries.TryGetValue(e.Id, out var x) && !x.Late);
        double Rate(int n) => expected.Count == 0 ? 1 : (double)n / expected.Count;
        return new DigestTrend(period, new DigestCounts(expected.Count, submitted, onTime, submitted - onTime, expected.Count - submitted, 0, 0, Rate(submitted), Rate(onTime)));
    }

    private static List<RankingEntry> Rank(PeriodStatus status, List<Period> due, Func<Period, IReadOnlyDictionary<string, LedgerEntry>> entries, Dictionary<string, string> names)
    {
        if (due.Count == 0)
        {
            return [];
        }

        var byPeriod = due.Select(entries).ToList();
        var rows = status.Submitters.Select(s =>
        {
            var onTime = byPeriod.Select(e => e.TryGetValue(s.SubmitterId, out var x) && !x.Late).ToList();
            var streak = onTime.AsEnumerable().Reverse().TakeWhile(x => x).Count();
            var count = onTime.Count(x => x);
            return (s.SubmitterId, Name: names[s.SubmitterId], OnTime: count, Rate: (double)count / due.Count, Streak: streak);
        }).OrderByDescending(r => r.Rate).ThenByDescending(r => r.Streak).ToList();

        // Equal rate and streak share a rank (1, 2, 2, 4), as a 评比 table reads; the sort is stable, so ties keep the
        // hub definition's order.
        var ranked = new List<RankingEntry>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = i > 0 && rows[i].Rate == rows[i - 1].Rate && rows[i].Streak == rows[i - 1].Streak ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankingEntry(rank, rows[i].SubmitterId, rows[i].Name, rows[i].OnTime, due.Count, rows[i].Rate, rows[i].Streak));
        }

        return ranked;
    }

    // Started days: submitted an hour after the due time is one day late.
    private static int DaysAfter(DateTimeOffset due, DateTimeOffset at) => Math.Max(1, (int)Math.Ceiling((at - due).TotalDays));
}

namespace ServerlessHub.Digests;

// What a digest template receives: plain values prepared by DigestModels. Every text a member or coordinator wrote
// is escaped for WeCom Markdown already (MarkdownText.Escape), so a template cannot let a mention, link or <font> tag
// through; names reach templates in snake_case.

/// <summary>A digest's whole model.</summary>
internal sealed record DigestModel(
    string Hub,
    string Report,
    string Period,
    string PeriodShort,
    string AsOf,
    string Due,
    bool PastDue,
    int Expected,
    int Submitted,
    int OnTime,
    int Late,
    int Missing,
    int Pending,
    int OnLeave,
    string SubmissionRate,
    string OnTimeRate,
    IReadOnlyList<MissingLine> MissingUnits,
    IReadOnlyList<LateLine> LateUnits,
    IReadOnlyList<string> PendingUnits,
    IReadOnlyList<string> OnLeaveUnits,
    IReadOnlyList<TextLine> Highlights,
    IReadOnlyList<TextLine> Problems,
    IReadOnlyList<TotalLine> Totals,
    IReadOnlyList<QuotaLine> Quotas,
    TrendLine? Previous,
    string? RankingSpan,
    IReadOnlyList<RankLine> Ranking,
    IReadOnlyList<string> Holidays);

/// <summary>A missing unit, its liaisons (、-joined) and how many days it is overdue.</summary>
internal sealed record MissingLine(string Name, string Liaisons, int DaysLate);

/// <summary>A late unit, when it submitted, and how many days late.</summary>
internal sealed record LateLine(string Name, string Submitted, int DaysLate);

/// <summary>What a unit wrote in the highlights or problems field.</summary>
internal sealed record TextLine(string Unit, string Text);

/// <summary>A number field's total, the previous period's, and the change as it reads (+3, -2, 持平).</summary>
internal sealed record TotalLine(string Label, string Total, string? Previous, string? Change);

/// <summary>A quota's progress: how many met it, out of how many, and who is behind with what so far.</summary>
internal sealed record QuotaLine(string Label, int AtLeast, string Per, string? Span, int Met, int Counted, IReadOnlyList<QuotaBehind> Behind);

/// <summary>A unit behind a quota.</summary>
internal sealed record QuotaBehind(string Name, string Total);

/// <summary>The previous period: its name, rates, and how this one compares (e.g. 上升 5 个百分点).</summary>
internal sealed record TrendLine(string Period, int Submitted, string SubmissionRate, string OnTimeRate, string Change);

/// <summary>A place in the ranking.</summary>
internal sealed record RankLine(int Rank, string Name, string OnTimeRate, int OnTime, int Due, int Streak);

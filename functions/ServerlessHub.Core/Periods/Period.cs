namespace ServerlessHub.Periods;

/// <summary>
/// One reporting window of a report kind: the local days it covers and the instants (UTC) it starts, ends, opens for
/// submissions and falls due.
/// </summary>
/// <param name="Key">Stable id, safe as an Azure Table key (see <see cref="PeriodKey"/>): <c>2026-W48</c>,
/// <c>2026-11</c>, <c>2026-Q4</c>, or the term, window or ad hoc id.</param>
/// <param name="Cadence">The cadence the period belongs to.</param>
/// <param name="FirstDay">The first local day of the period.</param>
/// <param name="LastDay">The last local day of the period (included).</param>
/// <param name="Start">Local midnight starting <paramref name="FirstDay"/>.</param>
/// <param name="End">Local midnight after <paramref name="LastDay"/>, excluded: the next period's start.</param>
/// <param name="Opens">When submissions open.</param>
/// <param name="Due">When submissions fall due (按期); later ones are late (迟报).</param>
public sealed record Period(
    string Key,
    Cadence Cadence,
    DateOnly FirstDay,
    DateOnly LastDay,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset Opens,
    DateTimeOffset Due)
{
    /// <summary>Whether <paramref name="instant"/> lies in [<see cref="Start"/>, <see cref="End"/>).</summary>
    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;
}

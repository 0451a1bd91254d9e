using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Replies;
using ServerlessHub.Storage.Digests;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;

namespace ServerlessHub.Digests;

/// <summary>A digest ready to send: its statistics, its Markdown, the template that rendered it, and why the built-in
/// template stood in when the chosen one failed.</summary>
public sealed record BuiltDigest(DigestStatistics Statistics, string Markdown, string Template, string? FallbackReason);

/// <summary>
/// Reads what a digest needs and renders it. Three single-partition queries, run together: the period's submissions,
/// the hub's leave, and the ledger from the first period looked back on up to this one (for kinds whose period keys
/// sort in time; a semester kind reads one ledger range per term). The ledger rows of this period are repaired from
/// the submissions where they differ.
/// </summary>
public sealed class DigestBuilder(SubmissionStore submissions, SubmissionLedgerStore ledger, LeaveStore leave, TemplateRenderer templates, TimeProvider time)
{
    /// <summary>The prefix of the built-in digest templates' names in <c>templates/</c>.</summary>
    public const string BuiltInFolder = "digests/";

    public async Task<BuiltDigest> BuildAsync(Hub hub, ReportKind kind, Digest? digest, Period period, CancellationToken cancellationToken)
    {
        var statistics = await ComputeAsync(hub, kind, digest, period, cancellationToken).ConfigureAwait(false);
        var (markdown, template, problem) = Render(hub, kind, digest, statistics);
        return new BuiltDigest(statistics, markdown, template, problem);
    }

    public async Task<DigestStatistics> ComputeAsync(Hub hub, ReportKind kind, Digest? digest, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        var now = time.GetUtcNow();
        var history = DigestHistory.Plan(hub, kind, period);
        var dueDay = LocalTime.ToDate(period.Due, hub.TimeZone);
        var today = LocalTime.ToDate(now, hub.TimeZone);
        var current = submissions.ListPeriodAsync(hub.Id, kind.Id, period.Key, cancellationToken);
        var away = leave.ListAsync(hub.Id, dueDay < today ? dueDay : today, cancellationToken);
        var entries = LedgerAsync(hub, kind, history, cancellationToken);
        var stored = await current.ConfigureAwait(false);
        var ledgered = await entries.ConfigureAwait(false);
        await RepairAsync(hub, kind, period, stored, ledgered, cancellationToken).ConfigureAwait(false);
        return DigestStatistics.Compute(hub, kind, digest, history, stored, await away.ConfigureAwait(false), ledgered, now);
    }

    /// <summary>Renders with the digest's template (the hub's own, else the built-in of that name); when that fails or
    /// does not exist, with the built-in template for the kind's cadence, saying why.</summary>
    public (string Markdown, string Template, string? Problem) Render(Hub hub, ReportKind kind, Digest? digest, DigestStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        var model = DigestModels.From(hub, kind, statistics);
        var fallback = BuiltIn(kind.Schedule.Cadence);
        var name = digest?.Template ?? fallback;
        string problem;
        try
        {
            if (hub.Definition.Templates.TryGetValue(name, out var source))
            {
                return (TemplateRenderer.Render(TemplateRenderer.Parse(source, name), name, model, RenderLimits.Digest), name, null);
            }

            if (templates.Has(BuiltInFolder + name))
            {
                return (templates.Render(BuiltInFolder + name, model, RenderLimits.Digest), name, null);
            }

            problem = $"没有名为“{name}”的模板（中枢定义的 templates 和内置模板中都没有）";
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException)
        {
            problem = ex.Message;
        }

        return (templates.Render(BuiltInFolder + fallback, model, RenderLimits.Digest), fallback, problem);
    }

    /// <summary>The built-in template for a cadence: 周报汇总, 月通报, or the term summary.</summary>
    public static string BuiltIn(Cadence cadence) => cadence switch
    {
        Cadence.Weekly => "digest-weekly",
        Cadence.Monthly or Cadence.Quarterly => "digest-monthly",
        _ => "digest-semester",
    };

    private async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(Hub hub, ReportKind kind, DigestHistory history, CancellationToken cancellationToken)
    {
        var earlier = history.Earlier;
        if (kind.Schedule.Cadence is Cadence.Weekly or Cadence.Monthly or Cadence.Quarterly)
        {
            return await ledger.ListAsync(hub.Id, kind.Id, earlier.Count > 0 ? earlier[0].Key : history.Period.Key, history.Period.Key, cancellationToken).ConfigureAwait(false);
        }

        var found = new List<LedgerEntry>();
        foreach (var period in earlier.Append(history.Period))
        {
            found.AddRange(await ledger.ListAsync(hub.Id, kind.Id, period.Key, period.Key, cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    private Task RepairAsync(Hub hub, ReportKind kind, Period period, IReadOnlyList<Submission> stored, IReadOnlyList<LedgerEntry> ledgered, CancellationToken cancellationToken)
    {
        var known = ledgered.Where(e => e.PeriodKey == period.Key).ToDictionary(e => e.SubmitterId, StringComparer.Ordinal);
        var stale = stored.Select(s => LedgerEntry.Of(s, kind))
            .Where(e => !known.TryGetValue(e.SubmitterId, out var k) || !k.SameAs(e)).ToList();
        return ledger.SaveAsync(hub.Id, kind.Id, stale, cancellationToken);
    }
}

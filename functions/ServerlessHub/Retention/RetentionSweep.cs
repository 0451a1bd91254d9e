using Microsoft.Extensions.Options;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Reminders;
using ServerlessHub.Schedule;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Storage.Inbound;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Outbound;
using ServerlessHub.Storage.Runtime;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Retention;

/// <summary>
/// Deletes bookkeeping rows older than <see cref="RetentionOptions"/> allows, on the tick whose window crosses a
/// multiple of <see cref="RetentionOptions.SweepInterval"/>. It never scans a table: it walks the hub index and asks
/// each table only for rows it can name by key — a hub's <c>inbound</c> partition (filtered on the time written), a
/// hub's <c>outbox</c> partitions and a job's <c>runclaims</c> partitions before the cutoff date (key ranges, as their
/// keys end in a date), and the <c>i|</c> rows of the submission partitions of each report kind's most recent periods.
/// At most <see cref="RetentionOptions.MaxDeletesPerSweep"/> rows go from each table per sweep.
/// </summary>
public sealed class RetentionSweep(
    HubStore hubStore,
    HubCatalog hubs,
    AdHocPeriodStore adHocPeriods,
    InboundReceiptStore inbound,
    OutboxStore outbox,
    RunClaimStore claims,
    SubmissionStore submissions,
    LeaveStore leave,
    IOptions<RetentionOptions> options,
    ILogger<RetentionSweep> logger) : IScheduledWork
{
    /// <summary>
    /// Idempotency records and 催报 claims are written while a period takes changes, which ends when the next period
    /// falls due; so at any cutoff only the last few periods that opened before it can hold rows about to expire.
    /// Four covers a period, its successor and a due date that falls in the period after.
    /// </summary>
    internal const int RecentPeriods = 4;

    // Far enough back to find four openings of the slowest recurring cadence (semesters).
    private static readonly TimeSpan PeriodLookback = TimeSpan.FromDays(800);

    public async Task RunAsync(TickWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var settings = options.Value;
        var interval = settings.SweepInterval.Ticks;
        if (window.From.UtcTicks / interval == window.To.UtcTicks / interval)
        {
            return;
        }

        var now = window.To;
        var left = new Budget(settings.MaxDeletesPerSweep);
        var claimCutoff = DateOnly.FromDateTime((now - settings.RunClaims).UtcDateTime);
        left.Claims -= await claims.DeleteBeforeAsync(RunClaimStore.TimerJob(TickFunction.Name), claimCutoff, left.Claims, cancellationToken).ConfigureAwait(false);
        foreach (var hubId in await hubStore.ListHubIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            left.Inbound -= await inbound.DeleteOlderThanAsync(hubId, now - settings.InboundDedupe, left.Inbound, cancellationToken).ConfigureAwait(false);
            left.Outbox -= await outbox.DeleteBeforeAsync(hubId, DateOnly.FromDateTime((now - settings.Outbox).UtcDateTime), left.Outbox, cancellationToken).ConfigureAwait(false);
            left.Idempotency -= await leave.DeleteIdempotencyRecordsAsync(hubId, now - settings.IdempotencyRecords, left.Idempotency, cancellationToken).ConfigureAwait(false);
            if (await hubs.GetAsync(hubId, cancellationToken).ConfigureAwait(false) is not { } hub)
            {
                continue;
            }

            foreach (var kind in hub.Definition.Reports)
            {
                foreach (var periodKey in await RecentPeriodKeysAsync(hub, kind, now - settings.IdempotencyRecords, cancellationToken).ConfigureAwait(false))
                {
                    left.Idempotency -= await submissions.DeleteIdempotencyRecordsAsync(hubId, kind.Id, periodKey, now - settings.IdempotencyRecords, left.Idempotency, cancellationToken).ConfigureAwait(false);
                }

                foreach (var periodKey in await RecentPeriodKeysAsync(hub, kind, now - settings.RunClaims, cancellationToken).ConfigureAwait(false))
                {
                    left.Claims -= await claims.DeleteBeforeAsync(Urging.ClaimJob(hubId, kind.Id, periodKey), claimCutoff, left.Claims, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var full = settings.MaxDeletesPerSweep;
        if (left.Inbound < full || left.Outbox < full || left.Claims < full || left.Idempotency < full)
        {
            RetentionLog.Swept(logger, full - left.Inbound, full - left.Outbox, full - left.Claims, full - left.Idempotency, left.LimitReached);
        }
    }

    /// <summary>The keys of the kind's last <see cref="RecentPeriods"/> periods opened by <paramref name="cutoff"/>; every ad hoc window.</summary>
    private async Task<IEnumerable<string>> RecentPeriodKeysAsync(Hub hub, ReportKind kind, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (kind.Schedule.Cadence == Cadence.AdHoc)
        {
            // Coordinators open a handful of windows a year, each one partition: all of them are cheap to visit.
            return (await adHocPeriods.ListAsync(hub.Id, kind.Id, cancellationToken).ConfigureAwait(false)).Select(w => w.Id);
        }

        return hub.Timeline(kind).OpeningBetween(cutoff - PeriodLookback, cutoff, maxCount: 1000).TakeLast(RecentPeriods).Select(p => p.Key);
    }

    /// <summary>The rows each table may still lose in this sweep.</summary>
    private sealed class Budget(int each)
    {
        public int Inbound { get; set; } = each;

        public int Outbox { get; set; } = each;

        public int Claims { get; set; } = each;

        public int Idempotency { get; set; } = each;

        public bool LimitReached => Inbound == 0 || Outbox == 0 || Claims == 0 || Idempotency == 0;
    }
}

internal static partial class RetentionLog
{
    [LoggerMessage(1900, LogLevel.Information, "Retention sweep deleted {Inbound} inbound, {Outbox} outbox, {Claims} run-claim and {Idempotency} idempotency rows (a table's limit reached, the rest next sweep: {LimitReached})", EventName = "RetentionSwept")]
    public static partial void Swept(ILogger logger, int inbound, int outbox, int claims, int idempotency, bool limitReached);
}

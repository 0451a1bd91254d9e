using ServerlessHub.Hubs;
using ServerlessHub.Schedule;
using ServerlessHub.Storage.Digests;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Digests;

/// <summary>
/// Tick work: when a period falls due, its submissions as they stand are copied to the ledger the digests read their
/// history from. Changes before then are not written to the ledger one by one (a submission is one storage round trip,
/// not two); changes from <see cref="Submissions.SubmissionService.LedgerWriteThrough"/> before the due time on are.
/// </summary>
public sealed partial class LedgerClosing(HubCatalog hubs, SubmissionStore submissions, SubmissionLedgerStore ledger, ILogger<LedgerClosing> logger) : IScheduledWork
{
    public async Task RunAsync(TickWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        await foreach (var hub in hubs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var kind in hub.Definition.Reports)
            {
                foreach (var period in hub.Timeline(kind).DueBetween(window.From, window.To))
                {
                    var stored = await submissions.ListPeriodAsync(hub.Id, kind.Id, period.Key, cancellationToken).ConfigureAwait(false);
                    await ledger.SaveAsync(hub.Id, kind.Id, [.. stored.Select(s => LedgerEntry.Of(s, kind))], cancellationToken).ConfigureAwait(false);
                    Closed(logger, hub.Id, kind.Id, period.Key, stored.Count);
                }
            }
        }
    }

    [LoggerMessage(1820, LogLevel.Information, "Hub {HubId}: {ReportId} {PeriodKey} fell due; {Count} submission(s) copied to the ledger", EventName = "LedgerClosed")]
    private static partial void Closed(ILogger logger, string hubId, string reportId, string periodKey, int count);
}

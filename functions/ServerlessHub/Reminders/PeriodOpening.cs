using System.Collections.Concurrent;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Schedule;
using ServerlessHub.Storage.Reminders;

namespace ServerlessHub.Reminders;

/// <summary>
/// The tick's first piece of scheduled work: every period that opened in the tick's window (or, for a hub or kind new
/// since, the current period that opened before it) is recorded once, with who is expected to submit as of now, and its
/// reminder ladder is queued. A step whose time has passed is queued to go out at once (with a note that it is late).
/// </summary>
public sealed partial class PeriodOpening(HubCatalog hubs, ReminderStore reminders, ReminderScheduler queue, TimeProvider time, ILogger<PeriodOpening> logger) : IScheduledWork
{
    // Periods this process has seen opened and queued; saves a storage read per hub, kind and tick.
    private readonly ConcurrentDictionary<string, bool> _queued = new(StringComparer.Ordinal);

    public async Task RunAsync(TickWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        await foreach (var hub in hubs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var kind in hub.Definition.Reports)
            {
                foreach (var period in Opening(hub.Timeline(kind), window))
                {
                    await OpenAsync(hub, kind, period, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Records <paramref name="period"/> as open with today's expected submitters, once, and queues its ladder; an
    /// opening interrupted before its ladder was queued queues it again (each reminder is claimed when sent, so a
    /// step queued twice still reaches each recipient once).
    /// </summary>
    public async Task OpenAsync(Hub hub, ReportKind kind, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        var key = $"{hub.Id}|{kind.Id}|{period.Key}";
        if (_queued.ContainsKey(key))
        {
            return;
        }

        var now = time.GetUtcNow();
        var expected = hub.ExpectedSubmitters(kind).Select(e => e.Id).ToList();
        if (!await reminders.TryOpenAsync(hub.Id, kind.Id, period.Key, expected, now, cancellationToken).ConfigureAwait(false)
            && (await reminders.GetOpenedAsync(hub.Id, kind.Id, period.Key, cancellationToken).ConfigureAwait(false))?.LadderQueued == true)
        {
            _queued[key] = true;
            return;
        }

        var ladder = ReminderLadder.Schedule(hub, kind, period);
        foreach (var step in ladder)
        {
            await queue.ScheduleAsync(new ReminderDue(hub.Id, kind.Id, period.Key, step.Index, ReminderDue.Describe(step.Step), step.SendAt), cancellationToken).ConfigureAwait(false);
        }

        await reminders.MarkLadderQueuedAsync(hub.Id, kind.Id, period.Key, cancellationToken).ConfigureAwait(false);
        _queued[key] = true;
        PeriodOpened(logger, hub.Id, kind.Id, period.Key, expected.Count, ladder.Count, ladder.Count(s => s.SendAt <= now));
    }

    /// <summary>The periods that opened in the window, and the current one if it opened before (caught up once).</summary>
    private static IEnumerable<Period> Opening(ReportTimeline timeline, TickWindow window)
    {
        var from = window.From;
        while (true)
        {
            var batch = timeline.OpeningBetween(from, window.To);
            foreach (var period in batch)
            {
                yield return period;
            }

            if (batch.Count < 100)
            {
                break;
            }

            from = batch[^1].Opens;
        }

        if (timeline.Containing(window.To) is { } current && current.Opens <= window.From)
        {
            yield return current;
        }
    }

    [LoggerMessage(1700, LogLevel.Information, "Hub {HubId}: {ReportId} {PeriodKey} opened with {Expected} expected submitters; {Steps} reminder step(s) queued, {Overdue} of them due already", EventName = "PeriodOpened")]
    private static partial void PeriodOpened(ILogger logger, string hubId, string reportId, string periodKey, int expected, int steps, int overdue);
}

using ServerlessHub.Hubs;
using ServerlessHub.Outbound;
using ServerlessHub.Periods;
using ServerlessHub.Replies;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Reminders;
using ServerlessHub.Storage.Runtime;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;

namespace ServerlessHub.Reminders;

/// <summary>What a manual urge (催报) did.</summary>
public enum UrgeOutcome
{
    /// <summary>The liaisons of every unit still owing were sent a notice.</summary>
    Sent,
    /// <summary>Nobody owes the report; nothing was sent.</summary>
    NothingOwed,
    /// <summary>This period was urged within the current hour already; nothing was sent.</summary>
    AlreadyUrged,
}

/// <summary>A manual urge's outcome: who was urged, or when the next urge is allowed.</summary>
public sealed record UrgeResult(UrgeOutcome Outcome, IReadOnlyList<ExpectedSubmitter> Urged, DateTimeOffset? NextAllowed);

/// <summary>
/// 催报 by a coordinator, from chat or over HTTP: now, to the liaisons of every unit still owing (not those on leave),
/// at most once per report period and hour. Each liaison urged is recorded with the period's reminders, so the ladder's
/// next submitter step does not remind them again right after (<see cref="ReminderOptions.UrgedRecently"/>).
/// </summary>
public sealed class Urging(
    SubmissionStore submissions,
    LeaveStore leave,
    RunClaimStore claims,
    ReminderStore reminders,
    ChatReplies replies,
    OutboundQueues outbound,
    TimeProvider time)
{
    /// <summary>The run-claim job that allows one 催报 per hour for a period (the retention sweep deletes its old claims).</summary>
    public static string ClaimJob(string hubId, string reportId, string periodKey) => $"urge-{hubId}-{reportId}-{periodKey}";

    /// <param name="urgedBy">Who urges, as the notice names them (a coordinator's name, or an API key's name).</param>
    /// <param name="urgedById">Who urges, as recorded (a WeCom user id, or <c>key:{name}</c>).</param>
    public async Task<UrgeResult> UrgeAsync(Hub hub, ReportKind kind, Period period, string urgedBy, string urgedById, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        var now = time.GetUtcNow();
        var today = LocalTime.ToDate(now, hub.TimeZone);
        var dueDay = LocalTime.ToDate(period.Due, hub.TimeZone);
        var listing = submissions.ListPeriodAsync(hub.Id, kind.Id, period.Key, cancellationToken);
        var away = await leave.ListAsync(hub.Id, dueDay < today ? dueDay : today, cancellationToken).ConfigureAwait(false);
        var status = PeriodStatus.Compute(hub, kind, period, await listing.ConfigureAwait(false), away, now);
        var owing = ReminderTargets.Owing(hub, kind, status, status.Submitters.Select(s => s.SubmitterId).ToList(), away, now);
        if (owing.Count == 0)
        {
            return new UrgeResult(UrgeOutcome.NothingOwed, [], null);
        }

        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        if (!await claims.TryClaimAsync(ClaimJob(hub.Id, kind.Id, period.Key), hour, urgedById, cancellationToken).ConfigureAwait(false))
        {
            return new UrgeResult(UrgeOutcome.AlreadyUrged, [], hour.AddHours(1));
        }

        foreach (var submitter in owing)
        {
            var recipients = submitter.Liaisons.Select(p => p.UserId).ToList();
            if (recipients.Count == 0)
            {
                continue;
            }

            var deliveryId = $"urge:{kind.Id}:{period.Key}:{hour:yyyyMMddHH}:{submitter.Submitter.Id}";
            foreach (var recipient in recipients)
            {
                await reminders.TryClaimAsync(hub.Id, kind.Id, period.Key, new ReminderRecord("催报", -1, recipient, now, $"queued (by {urgedBy})", deliveryId, false), deliveryId, cancellationToken).ConfigureAwait(false);
            }

            await outbound.EnqueueAsync(new SendMessage(hub.Id, deliveryId, Destination.People(recipients), MessageFormat.Text,
                replies.UrgeNotice(hub, kind, period, submitter.Submitter, urgedBy).Text), cancellationToken).ConfigureAwait(false);
        }

        return new UrgeResult(UrgeOutcome.Sent, owing.Select(o => o.Submitter).ToList(), null);
    }
}

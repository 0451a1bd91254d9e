using Microsoft.Extensions.Options;
using ServerlessHub.Hubs;
using ServerlessHub.Outbound;
using ServerlessHub.Periods;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Reminders;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;

namespace ServerlessHub.Reminders;

/// <summary>
/// Sends one ladder step when its queue message becomes visible, after looking again at everything that may have
/// changed since it was scheduled: the hub definition (kind or step removed), the period (closed once the next one is
/// due), the sending hours, who has submitted, who is on leave, who still belongs to an expected unit, and who was urged
/// by hand just now. Each recipient is claimed before its message is queued, so a step reaches each recipient once
/// whatever the number of instances, retries or copies of the queue message.
/// </summary>
public sealed partial class ReminderSender(
    HubCatalog hubs,
    ReminderStore reminders,
    ReminderScheduler queue,
    SubmissionStore submissions,
    LeaveStore leave,
    AdHocPeriodStore adHocPeriods,
    OutboundQueues outbound,
    ReminderTexts texts,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderSender> logger)
{
    /// <param name="due">The step to send.</param>
    /// <param name="owner">The queue message id: a retry of the same message resumes what it claimed.</param>
    public async Task SendAsync(ReminderDue due, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var now = time.GetUtcNow();
        if (due.SendAt > now + TimeSpan.FromSeconds(1))
        {
            // Further away than one queue hop could wait: chain the next hop.
            await queue.ScheduleAsync(due, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await hubs.GetAsync(due.HubId, cancellationToken).ConfigureAwait(false) is not { } hub
            || hub.FindReport(due.ReportId) is not { } kind)
        {
            await NotSentAsync(due, owner, now, "未发送：报送类型已删除", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (kind.Reminders.ElementAtOrDefault(due.StepIndex) is not { } step || ReminderDue.Describe(step) != due.Step)
        {
            await NotSentAsync(due, owner, now, "未发送：提醒阶梯已修改，此步骤已不存在", cancellationToken).ConfigureAwait(false);
            return;
        }

        var timeline = hub.Timeline(kind);
        if (await PeriodAsync(hub, kind, timeline, due.PeriodKey, cancellationToken).ConfigureAwait(false) is not { } period
            || SubmissionRules.Decide(timeline, kind, period, now) == SubmissionDecision.WindowClosed)
        {
            await NotSentAsync(due, owner, now, "未发送：本期已停止受理（补报和修改期限已过）", cancellationToken).ConfigureAwait(false);
            return;
        }

        var allowed = hub.Definition.SendingHours.NextAllowed(now, hub.Calendar, hub.TimeZone);
        if (allowed > now && !due.SentByHand)
        {
            // Never at night or on a day off: the step waits for the next sending hours (the hours may have changed).
            await queue.ScheduleAsync(due with { SendAt = allowed }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var opened = await reminders.GetOpenedAsync(hub.Id, kind.Id, period.Key, cancellationToken).ConfigureAwait(false);
        var today = LocalTime.ToDate(now, hub.TimeZone);
        var dueDay = LocalTime.ToDate(period.Due, hub.TimeZone);
        var listing = submissions.ListPeriodAsync(hub.Id, kind.Id, period.Key, cancellationToken);
        var away = leave.ListAsync(hub.Id, dueDay < today ? dueDay : today, cancellationToken);
        var absent = await away.ConfigureAwait(false);
        var status = PeriodStatus.Compute(hub, kind, period, await listing.ConfigureAwait(false), absent, now);
        var owing = ReminderTargets.Owing(hub, kind, status, opened?.ExpectedIds ?? hub.ExpectedSubmitters(kind).Select(e => e.Id).ToList(), absent, now);
        if (owing.Count == 0)
        {
            await NotSentAsync(due, owner, now, "未发送：无人欠报（均已报送或请假）", cancellationToken).ConfigureAwait(false);
            return;
        }

        var late = now - due.SendAt > options.Value.LateAfter;
        var lateNote = late ? ReminderTexts.LateNote(hub, due.SendAt) : "";
        var pastDue = now > period.Due;
        var context = new Sending(hub, kind, period, step, due, owner, now, late);
        var reached = step switch
        {
            { Audience: ReminderAudience.Submitter, ChannelId: null } => await RemindLiaisonsAsync(context, owing,
                await reminders.ListAsync(hub.Id, kind.Id, period.Key, cancellationToken).ConfigureAwait(false), pastDue, lateNote, cancellationToken).ConfigureAwait(false),
            { Audience: ReminderAudience.Submitter } => await PostAsync(context, $"channel:{step.ChannelId}", Destination.Channel(step.ChannelId!),
                texts.Channel(hub, kind, period, owing, IsRobot(hub, step.ChannelId!), pastDue, lateNote), cancellationToken).ConfigureAwait(false),
            _ => await PostAsync(context, step.ChannelId is { } channel ? $"channel:{channel}" : $"role:{step.Audience.ToString().ToLowerInvariant()}",
                step.ChannelId is { } id ? Destination.Channel(id) : Destination.People([.. hub.PeopleWithRole(step.Audience == ReminderAudience.Leader ? PersonRole.Leader : PersonRole.Coordinator).Select(p => p.UserId)]),
                texts.Escalation(hub, kind, period, step.Audience, owing, pastDue, lateNote), cancellationToken).ConfigureAwait(false),
        };
        await reminders.TryClaimAsync(hub.Id, kind.Id, period.Key,
            new ReminderRecord(step.Offset, due.StepIndex, StepRow, now, $"{owing.Count} 个单位欠报，发出 {reached} 条", null, late), owner, cancellationToken).ConfigureAwait(false);
        StepSent(logger, hub.Id, kind.Id, period.Key, due.Step, owing.Count, reached, late);
    }

    /// <summary>The recipient of a step's own row, which records what the step did as a whole.</summary>
    public const string StepRow = "*";

    private async Task NotSentAsync(ReminderDue due, string owner, DateTimeOffset now, string outcome, CancellationToken cancellationToken)
    {
        await reminders.TryClaimAsync(due.HubId, due.ReportId, due.PeriodKey,
            new ReminderRecord(due.Step.Split(' ')[0], due.StepIndex, StepRow, now, outcome, null, false), owner, cancellationToken).ConfigureAwait(false);
        Dropped(logger, due.HubId, due.ReportId, due.PeriodKey, due.Step, outcome);
    }

    private async Task<int> RemindLiaisonsAsync(Sending sending, IReadOnlyList<OwingSubmitter> owing, IReadOnlyList<ReminderRecord> sent, bool pastDue, string lateNote, CancellationToken cancellationToken)
    {
        var urgedRecently = sent.Where(r => r.StepIndex < 0 && sending.Now - r.At < options.Value.UrgedRecently).Select(r => r.Recipient).ToHashSet(StringComparer.Ordinal);
        var reached = 0;
        foreach (var submitter in owing)
        {
            foreach (var liaison in submitter.Liaisons.Where(p => !urgedRecently.Contains(p.UserId)))
            {
                reached += await SendOnceAsync(sending, liaison.UserId, Destination.People(liaison.UserId), MessageFormat.Text,
                    texts.Submitter(sending.Hub, sending.Kind, sending.Period, submitter, pastDue, lateNote), cancellationToken).ConfigureAwait(false);
            }
        }

        return reached;
    }

    private Task<int> PostAsync(Sending sending, string recipient, Destination to, string markdown, CancellationToken cancellationToken) =>
        SendOnceAsync(sending, recipient, to, MessageFormat.Markdown, markdown, cancellationToken);

    private async Task<int> SendOnceAsync(Sending sending, string recipient, Destination to, MessageFormat format, string content, CancellationToken cancellationToken)
    {
        var (hub, kind, period, due) = (sending.Hub, sending.Kind, sending.Period, sending.Due);
        var deliveryId = $"reminder:{kind.Id}:{period.Key}:{due.StepIndex}:{recipient}";
        var record = new ReminderRecord(sending.Step.Offset, due.StepIndex, recipient, sending.Now, "queued", deliveryId, sending.Late);
        if (await reminders.TryClaimAsync(hub.Id, kind.Id, period.Key, record, sending.Owner, cancellationToken).ConfigureAwait(false) == ReminderClaim.Taken)
        {
            return 0;
        }

        await outbound.EnqueueAsync(new SendMessage(hub.Id, deliveryId, to, format, content), cancellationToken).ConfigureAwait(false);
        return 1;
    }

    private async Task<Period?> PeriodAsync(Hub hub, ReportKind kind, ReportTimeline timeline, string key, CancellationToken cancellationToken)
    {
        if (kind.Schedule.Cadence != Cadence.AdHoc)
        {
            return timeline.FromKey(key);
        }

        return await adHocPeriods.GetAsync(hub.Id, kind.Id, key, cancellationToken).ConfigureAwait(false) is { } window
            ? timeline.AdHoc(window.Id, window.FirstDay, window.LastDay)
            : null;
    }

    private static bool IsRobot(Hub hub, string channelId) =>
        hub.Definition.Channels.FirstOrDefault(c => c.Id == channelId) is RobotWebhookChannel;

    private sealed record Sending(Hub Hub, ReportKind Kind, Period Period, ReminderStep Step, ReminderDue Due, string Owner, DateTimeOffset Now, bool Late);

    [LoggerMessage(1710, LogLevel.Information, "Hub {HubId}: reminder {Step} of {ReportId} {PeriodKey} reached {Reached} recipient(s) for {Owing} owing (late: {Late})", EventName = "ReminderSent")]
    private static partial void StepSent(ILogger logger, string hubId, string reportId, string periodKey, string step, int owing, int reached, bool late);

    [LoggerMessage(1711, LogLevel.Information, "Hub {HubId}: reminder {Step} of {ReportId} {PeriodKey} not sent: {Reason}", EventName = "ReminderDropped")]
    private static partial void Dropped(ILogger logger, string hubId, string reportId, string periodKey, string step, string reason);
}

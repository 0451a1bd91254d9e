using System.Text.Json;
using ServerlessHub.Chat;
using ServerlessHub.Digests;
using ServerlessHub.Hubs;
using ServerlessHub.Leave;
using ServerlessHub.Outbound;
using ServerlessHub.Periods;
using ServerlessHub.Replies;
using ServerlessHub.Storage.Inbound;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Reminders;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.Inbound;

/// <summary>
/// Carries out what a member said: runs the chat core on the message and the member's interview, does what the intent
/// asks (store a submission, record leave, work out who is missing, urge), and queues the replies. Everything it
/// writes is keyed by the message's dedupe key, so handling a message again has no further effect.
/// </summary>
public sealed class ChatProcessor(
    SubmissionService submissions,
    SubmissionStore submissionStore,
    LeaveStore leave,
    ConversationStore conversations,
    InboundReceiptStore receipts,
    Urging urging,
    DigestBuilder digests,
    ChatReplies replies,
    OutboundQueues outbound,
    TimeProvider time)
{
    public async Task HandleAsync(Hub hub, InboundChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        var to = message.ResponseUrl is { Length: > 0 } url ? Destination.BotResponse(url) : Destination.People(message.FromUserId);
        var sender = hub.FindPerson(message.FromUserId);
        if (sender is null)
        {
            await SendAsync(hub, message, to, [replies.UnknownSender(hub, message.FromUserId)], cancellationToken).ConfigureAwait(false);
            if (await receipts.TryClaimOnceAsync(hub.Id, $"unknown-sender:{message.FromUserId}", now, cancellationToken).ConfigureAwait(false))
            {
                var coordinators = hub.PeopleWithRole(PersonRole.Coordinator).Select(p => p.UserId).ToList();
                if (coordinators.Count > 0)
                {
                    await outbound.EnqueueAsync(new SendMessage(hub.Id, $"unknown-sender:{message.FromUserId}", Destination.People(coordinators), MessageFormat.Text,
                        replies.UnknownSenderNotice(hub, message.FromUserId).Text), cancellationToken).ConfigureAwait(false);
                }
            }

            return;
        }

        if (message.Kind == InboundMessageKind.Event)
        {
            if (message.EventName == "enter_agent")
            {
                await SendAsync(hub, message, to, [replies.Welcome(hub, sender)], cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (message.Kind != InboundMessageKind.Text || string.IsNullOrWhiteSpace(message.Text))
        {
            await SendAsync(hub, message, to, [replies.ForIntent(hub, sender, ChatCommandParser.Help(HelpReason.NotUnderstood, sender, hub.Definition))], cancellationToken).ConfigureAwait(false);
            return;
        }

        var stored = await conversations.GetAsync(hub.Id, sender.UserId, cancellationToken).ConfigureAwait(false);
        var active = stored is null ? null : JsonSerializer.Deserialize(stored, ChatJsonContext.Default.Conversation);
        var turn = ChatTurn.Handle(hub.Definition, sender, active, message.Text, now);
        var answer = new List<Reply>();
        if (turn.Expired is { } expired)
        {
            answer.Add(replies.Expired(hub, expired));
        }

        var conversation = turn.Conversation;
        var actor = new SubmissionActor(sender.UserId, message.Channel == ChatChannel.App ? SubmissionChannel.WeComApp : SubmissionChannel.WeComBot);
        var idempotency = new Idempotency($"chat:{message.DedupeKey}", s => new Storage.Submissions.IdempotentResponse("chat", 200, s.SubmitterId));
        switch (turn.Intent)
        {
            case SubmitReport { Draft.HasProblems: false } submit:
                answer.Add(await SubmitAsync(hub, sender, submit.Kind, submit.Period, submit.Draft.Fields, actor, idempotency, cancellationToken).ConfigureAwait(false));
                break;
            case ReviseReport { Draft.HasProblems: false } revise when revise.Draft.Values.Count > 0:
                answer.Add(await ChangeAsync(hub, sender, revise.Kind, revise.Period, actor, idempotency, RevisionAction.Revised, revise.Draft.Fields, cancellationToken).ConfigureAwait(false));
                break;
            case WithdrawReport withdraw:
                answer.Add(await ChangeAsync(hub, sender, withdraw.Kind, withdraw.Period, actor, idempotency, RevisionAction.Withdrawn, null, cancellationToken).ConfigureAwait(false));
                break;
            case AskField { Opening: true, Purpose: InterviewPurpose.Revise } ask when await CurrentSubmissionAsync(hub, sender, ask.Kind, conversation?.Period, cancellationToken).ConfigureAwait(false) is { } missing:
                // Nothing to revise: say so and end the interview before it asks anything.
                answer.Add(missing);
                conversation = null;
                break;
            case ShowStatus:
                answer.Add(await StatusAsync(hub, sender, now, cancellationToken).ConfigureAwait(false));
                break;
            case RequestLeave request:
                var record = new LeaveRecord(hub.Id, $"{LocalTime.ToDate(now, hub.TimeZone):yyyyMMdd}-{Hash(message.DedupeKey)}", LeaveSubject.Person, sender.UserId,
                    request.First, request.Last, request.Reason ?? "", sender.UserId, now);
                await leave.AddAsync(record, null, null, cancellationToken).ConfigureAwait(false);
                answer.Add(replies.LeaveRecorded(hub, record));
                break;
            case ListMissing list when PeriodOf(hub, list.Kind, list.Period, now) is { } period:
                answer.Add(replies.Missing(hub, list.Kind, await StatusOfAsync(hub, list.Kind, period, now, cancellationToken).ConfigureAwait(false)));
                break;
            case UrgeMissing urge when PeriodOf(hub, urge.Kind, urge.Period, now) is { } period:
                answer.Add(await UrgeAsync(hub, sender, urge.Kind, period, cancellationToken).ConfigureAwait(false));
                break;
            case ShowDigest show when (show.Period is null ? DigestCalendar.LastDue(hub, show.Kind, now) ?? PeriodOf(hub, show.Kind, null, now) : PeriodOf(hub, show.Kind, show.Period, now)) is { } period:
                var digest = show.Kind.Digests.Count > 0 ? show.Kind.Digests[0] : null;
                var built = await digests.BuildAsync(hub, show.Kind, digest, period, cancellationToken).ConfigureAwait(false);
                await outbound.EnqueueAsync(new SendMessage(hub.Id, $"digest-reply:{message.DedupeKey}", to, MessageFormat.Markdown, built.Markdown), cancellationToken).ConfigureAwait(false);
                break;
            case ShowUnitReport show when PeriodOf(hub, show.Kind, show.Period, now) is { } period:
                answer.Add(await UnitReportAsync(hub, show.Kind, period, show.Unit, cancellationToken).ConfigureAwait(false));
                break;
            case ListMissing list:
                answer.Add(replies.NoCurrentPeriod(hub, list.Kind));
                break;
            case ShowDigest show:
                answer.Add(replies.NoCurrentPeriod(hub, show.Kind));
                break;
            case ShowUnitReport show:
                answer.Add(replies.NoCurrentPeriod(hub, show.Kind));
                break;
            case UrgeMissing urge:
                answer.Add(replies.NoCurrentPeriod(hub, urge.Kind));
                break;
            default:
                answer.Add(replies.ForIntent(hub, sender, turn.Intent));
                break;
        }

        if (turn.Pending is { } pending && turn.Intent is not AskField)
        {
            answer.Add(replies.ForIntent(hub, sender, pending));
        }

        if (conversation is null)
        {
            if (stored is not null)
            {
                await conversations.DeleteAsync(hub.Id, sender.UserId, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await conversations.SaveAsync(hub.Id, sender.UserId, JsonSerializer.Serialize(conversation, ChatJsonContext.Default.Conversation), cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(hub, message, to, answer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> SubmitAsync(Hub hub, Person sender, ReportKind kind, PeriodHint? hint, IReadOnlyDictionary<string, string> fields, SubmissionActor actor, Idempotency idempotency, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (PeriodOf(hub, kind, hint, now) is not { } period)
        {
            return replies.NoCurrentPeriod(hub, kind);
        }

        var submitter = SubmitterOf(hub, sender, kind);
        if (submitter is null)
        {
            return replies.ForIntent(hub, sender, new NotAllowed(ChatVerb.Submit, kind));
        }

        var outcome = await submissions.SubmitAsync(hub, kind, period, submitter, fields.ToDictionary(f => f.Key, f => (string?)f.Value), actor, idempotency, cancellationToken).ConfigureAwait(false);
        return await ReceiptOrRefusalAsync(hub, kind, period, submitter.Id, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> ChangeAsync(Hub hub, Person sender, ReportKind kind, PeriodHint? hint, SubmissionActor actor, Idempotency idempotency, RevisionAction action, IReadOnlyDictionary<string, string>? fields, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (PeriodOf(hub, kind, hint, now) is not { } period)
        {
            return replies.NoCurrentPeriod(hub, kind);
        }

        if (SubmitterOf(hub, sender, kind) is not { } submitter)
        {
            return replies.ForIntent(hub, sender, new NotAllowed(action == RevisionAction.Withdrawn ? ChatVerb.Withdraw : ChatVerb.Revise, kind));
        }

        var outcome = action == RevisionAction.Withdrawn
            ? await submissions.WithdrawAsync(hub, kind, period, submitter.Id, null, actor, idempotency, cancellationToken).ConfigureAwait(false)
            : await submissions.ReviseAsync(hub, kind, period, submitter.Id, fields!.ToDictionary(f => f.Key, f => (string?)f.Value), null, actor, idempotency, cancellationToken).ConfigureAwait(false);
        return await ReceiptOrRefusalAsync(hub, kind, period, submitter.Id, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> ReceiptOrRefusalAsync(Hub hub, ReportKind kind, Period period, string submitterId, SubmissionOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case SubmissionOutcome.Saved saved:
                return replies.Receipt(hub, kind, period, saved.Submission, saved.Revision.Action, saved.Revision.Changes);
            case SubmissionOutcome.Replayed:
                // A retry of a message whose change was stored before a crash: answer from what is stored.
                var stored = await submissionStore.GetAsync(hub.Id, kind.Id, period.Key, submitterId, cancellationToken).ConfigureAwait(false);
                var history = await submissionStore.ListRevisionsAsync(hub.Id, kind.Id, period.Key, submitterId, cancellationToken).ConfigureAwait(false);
                return replies.Receipt(hub, kind, period, stored!.Submission, history[^1].Action, history[^1].Changes);
            default:
                return replies.Refused(hub, kind, period, outcome);
        }
    }

    private async Task<Reply?> CurrentSubmissionAsync(Hub hub, Person sender, ReportKind kind, PeriodHint? hint, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (PeriodOf(hub, kind, hint, now) is not { } period)
        {
            return replies.NoCurrentPeriod(hub, kind);
        }

        var submitter = SubmitterOf(hub, sender, kind);
        var existing = submitter is null ? null : await submissionStore.GetAsync(hub.Id, kind.Id, period.Key, submitter.Id, cancellationToken).ConfigureAwait(false);
        return existing is { Submission.Withdrawn: false } ? null : replies.Refused(hub, kind, period, new SubmissionOutcome.NotFound());
    }

    private async Task<Reply> StatusAsync(Hub hub, Person sender, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lines = new List<StatusLine>();
        foreach (var kind in hub.Definition.Reports)
        {
            if (SubmitterOf(hub, sender, kind) is not { } submitter || PeriodOf(hub, kind, null, now) is not { } period)
            {
                continue;
            }

            var status = await StatusOfAsync(hub, kind, period, now, cancellationToken).ConfigureAwait(false);
            var line = status.Submitters.First(s => s.SubmitterId == submitter.Id);
            lines.Add(new StatusLine(kind, period, line.State, line.SubmittedAt));
        }

        return replies.Status(hub, sender, lines);
    }

    private async Task<PeriodStatus> StatusOfAsync(Hub hub, ReportKind kind, Period period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = submissionStore.ListPeriodAsync(hub.Id, kind.Id, period.Key, cancellationToken);
        var away = leave.ListAsync(hub.Id, LocalTime.ToDate(period.Due, hub.TimeZone), cancellationToken);
        return PeriodStatus.Compute(hub, kind, period, await list.ConfigureAwait(false), await away.ConfigureAwait(false), now);
    }

    /// <summary>催报 (<see cref="Urging"/>), answered in chat.</summary>
    private async Task<Reply> UrgeAsync(Hub hub, Person coordinator, ReportKind kind, Period period, CancellationToken cancellationToken)
    {
        var result = await urging.UrgeAsync(hub, kind, period, coordinator.Name, coordinator.UserId, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            UrgeOutcome.NothingOwed => replies.UrgeNothingMissing(hub, kind, period),
            UrgeOutcome.AlreadyUrged => replies.UrgeAlreadySent(hub, kind, period, result.NextAllowed!.Value),
            _ => replies.UrgeSent(hub, kind, period, result.Urged),
        };
    }

    /// <summary>看: the unit the words name among those that submit the kind, and what it sent for the period.</summary>
    private async Task<Reply> UnitReportAsync(Hub hub, ReportKind kind, Period period, string query, CancellationToken cancellationToken)
    {
        var submitting = hub.ExpectedSubmitters(kind).Select(e => e.UnitId).ToHashSet(StringComparer.Ordinal);
        var units = hub.Definition.Units.Where(u => submitting.Contains(u.Id)).ToList();
        var words = query.Trim();
        var candidates = words.Length == 0 ? units
            : units.Where(u => u.Name == words || string.Equals(u.Id, words, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: 1 } exact ? exact
            : units.Where(u => u.Name.Contains(words, StringComparison.OrdinalIgnoreCase)).ToList();
        if (words.Length == 0 || candidates.Count != 1)
        {
            return replies.UnitChoice(hub, kind, words, candidates);
        }

        var unit = candidates[0];
        var sent = await submissionStore.ListPeriodAsync(hub.Id, kind.Id, period.Key, cancellationToken).ConfigureAwait(false);
        return replies.UnitReport(hub, kind, period, unit, [.. sent.Where(s => s.UnitId == unit.Id && !s.Withdrawn).OrderBy(s => s.FirstSubmittedAt)]);
    }

    private Task SendAsync(Hub hub, InboundChatMessage message, Destination to, List<Reply> answer, CancellationToken cancellationToken) =>
        answer.Count == 0
            ? Task.CompletedTask
            : outbound.EnqueueAsync(new SendMessage(hub.Id, $"reply:{message.DedupeKey}", to, MessageFormat.Text, string.Join("\n\n", answer.Select(r => r.Text))), cancellationToken);

    private static ExpectedSubmitter? SubmitterOf(Hub hub, Person person, ReportKind kind) =>
        Hub.SubmitterIdOf(person, kind) is { } id ? hub.ExpectedSubmitters(kind).FirstOrDefault(e => e.Id == id) : null;

    /// <summary>The period a hint names (a local day inside it), or the one containing now.</summary>
    private static Period? PeriodOf(Hub hub, ReportKind kind, PeriodHint? hint, DateTimeOffset now) =>
        hub.Timeline(kind).Containing(hint is null ? now : LocalTime.StartOfDay(hint.Day, hub.TimeZone).AddHours(12));

    private static string Hash(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..8];
}

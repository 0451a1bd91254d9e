using Azure;
using ServerlessHub.Digests;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Storage.Digests;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary>Who is submitting, and through what: recorded with every revision.</summary>
public sealed record SubmissionActor(string By, SubmissionChannel Channel);

/// <summary>An idempotency key with the answer to keep for it, built once the outcome is known.</summary>
public sealed record Idempotency(string Key, Func<Submission, IdempotentResponse> Answer);

/// <summary>What a submit, revise or withdraw came to.</summary>
public abstract record SubmissionOutcome
{
    public sealed record Saved(Submission Submission, ETag ETag, bool Created, SubmissionRevision Revision) : SubmissionOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SubmissionOutcome;

    /// <summary>A current submission exists already: revise it instead.</summary>
    public sealed record AlreadySubmitted(Submission Existing) : SubmissionOutcome;

    public sealed record NotFound : SubmissionOutcome;

    /// <summary>The submission was withdrawn; submit again rather than revise.</summary>
    public sealed record IsWithdrawn : SubmissionOutcome;

    public sealed record NotOpenYet(DateTimeOffset Opens) : SubmissionOutcome;

    /// <summary>The period took submissions and changes until <paramref name="ClosedAt"/> (the kind's <c>acceptLateFor</c>).</summary>
    public sealed record WindowClosed(DateTimeOffset ClosedAt) : SubmissionOutcome;

    /// <summary>The caller's If-Match ETag is stale.</summary>
    public sealed record PreconditionFailed : SubmissionOutcome;

    /// <summary>The idempotency key was used first by another request, whose answer this is.</summary>
    public sealed record Replayed(IdempotentResponse Response) : SubmissionOutcome;
}

/// <summary>
/// Submitting, revising and withdrawing reports, whichever channel they come from. Concurrent writers are reconciled
/// with ETags: a writer that loses the race reads again and reapplies its change, so no update is lost; a caller that
/// sent If-Match is told instead. Every saved change is copied to the digests' ledger afterwards.
/// </summary>
public sealed partial class SubmissionService(SubmissionStore store, SubmissionLedgerStore ledger, TimeProvider time, ILogger<SubmissionService> logger)
{
    private const int MaxAttempts = 60;

    public async Task<SubmissionOutcome> SubmitAsync(Hub hub, ReportKind report, Period period, ExpectedSubmitter submitter, IReadOnlyDictionary<string, string?> values, SubmissionActor actor, Idempotency? idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(submitter);
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        switch (SubmissionRules.Decide(hub.Timeline(report), report, period, now))
        {
            case SubmissionDecision.NotOpenYet:
                return new SubmissionOutcome.NotOpenYet(period.Opens);
            case SubmissionDecision.WindowClosed:
                return new SubmissionOutcome.WindowClosed(SubmissionRules.ClosesAt(hub.Timeline(report), report, period)!.Value);
        }

        var validation = SubmissionFields.Validate(report, values);
        if (!validation.Succeeded)
        {
            return new SubmissionOutcome.Invalid(validation.Errors);
        }

        // Most submissions are the first for their period: try to insert straight away (one round trip), and only when
        // that meets an existing row (or a used idempotency key) read what is there and decide.
        var first = new Submission(hub.Id, report.Id, period.Key, submitter.Id, submitter.UnitId, validation.Values, actor.Channel, actor.By,
            now, now, SubmissionRules.IsLate(period, now), 1, Withdrawn: false);
        var firstRevision = new SubmissionRevision(1, RevisionAction.Submitted, now, actor.By, actor.Channel,
            SubmissionRules.Diff(report, new Dictionary<string, string>(), validation.Values));
        if (await store.SaveAsync(first, null, firstRevision, idempotency?.Key, idempotency?.Answer, cancellationToken).ConfigureAwait(false) is { } inserted)
        {
            return await LedgeredAsync(report, period, new SubmissionOutcome.Saved(first, inserted, Created: true, firstRevision), cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await ReplayAsync(hub, report, period, idempotency, cancellationToken).ConfigureAwait(false) is { } replay)
            {
                return replay;
            }

            var existing = await store.GetAsync(hub.Id, report.Id, period.Key, submitter.Id, cancellationToken).ConfigureAwait(false);
            if (existing is { Submission.Withdrawn: false })
            {
                return new SubmissionOutcome.AlreadySubmitted(existing.Submission);
            }

            var revisionNumber = (existing?.Submission.Revision ?? 0) + 1;
            var submission = new Submission(hub.Id, report.Id, period.Key, submitter.Id, submitter.UnitId, validation.Values, actor.Channel, actor.By,
                now, now, SubmissionRules.IsLate(period, now), revisionNumber, Withdrawn: false);
            var changes = SubmissionRules.Diff(report, existing?.Submission.Fields ?? new Dictionary<string, string>(), validation.Values);
            var revision = new SubmissionRevision(revisionNumber, existing is null ? RevisionAction.Submitted : RevisionAction.Resubmitted, now, actor.By, actor.Channel, changes);
            var etag = await store.SaveAsync(submission, existing?.ETag, revision, idempotency?.Key, idempotency?.Answer, cancellationToken).ConfigureAwait(false);
            if (etag is { } saved)
            {
                return await LedgeredAsync(report, period, new SubmissionOutcome.Saved(submission, saved, Created: true, revision), cancellationToken).ConfigureAwait(false);
            }

            await Backoff(attempt, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Could not save a submission to {hub.Id}/{report.Id}/{period.Key} after {MaxAttempts} attempts.");
    }

    /// <param name="hub">The hub.</param>
    /// <param name="report">The report kind.</param>
    /// <param name="period">The period.</param>
    /// <param name="submitterId">Whose submission.</param>
    /// <param name="changes">Field values to set; a null or empty value clears the field.</param>
    /// <param name="ifMatch">The ETag the caller read, or null to apply the change to whatever is current.</param>
    /// <param name="actor">Who revises.</param>
    /// <param name="idempotency">The request's idempotency key, if any.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public Task<SubmissionOutcome> ReviseAsync(Hub hub, ReportKind report, Period period, string submitterId, IReadOnlyDictionary<string, string?> changes, ETag? ifMatch, SubmissionActor actor, Idempotency? idempotency, CancellationToken cancellationToken) =>
        ChangeAsync(hub, report, period, submitterId, ifMatch, actor, idempotency, RevisionAction.Revised, current =>
        {
            var validation = SubmissionFields.Validate(report, changes, current.Fields);
            return validation.Succeeded ? (validation.Values, null) : (null, validation.Errors);
        }, cancellationToken);

    public Task<SubmissionOutcome> WithdrawAsync(Hub hub, ReportKind report, Period period, string submitterId, ETag? ifMatch, SubmissionActor actor, Idempotency? idempotency, CancellationToken cancellationToken) =>
        ChangeAsync(hub, report, period, submitterId, ifMatch, actor, idempotency, RevisionAction.Withdrawn, current => (current.Fields, null), cancellationToken);

    private async Task<SubmissionOutcome> ChangeAsync(
        Hub hub, ReportKind report, Period period, string submitterId, ETag? ifMatch, SubmissionActor actor, Idempotency? idempotency, RevisionAction action,
        Func<Submission, (IReadOnlyDictionary<string, string>? Values, IReadOnlyList<FieldError>? Errors)> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        switch (SubmissionRules.Decide(hub.Timeline(report), report, period, now))
        {
            case SubmissionDecision.NotOpenYet:
                return new SubmissionOutcome.NotOpenYet(period.Opens);
            case SubmissionDecision.WindowClosed:
                return new SubmissionOutcome.WindowClosed(SubmissionRules.ClosesAt(hub.Timeline(report), report, period)!.Value);
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await ReplayAsync(hub, report, period, idempotency, cancellationToken).ConfigureAwait(false) is { } replay)
            {
                return replay;
            }

            var existing = await store.GetAsync(hub.Id, report.Id, period.Key, submitterId, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                return new SubmissionOutcome.NotFound();
            }

            if (ifMatch is { } expected && expected != existing.ETag)
            {
                return new SubmissionOutcome.PreconditionFailed();
            }

            if (existing.Submission.Withdrawn)
            {
                return new SubmissionOutcome.IsWithdrawn();
            }

            var (values, errors) = change(existing.Submission);
            if (errors is not null)
            {
                return new SubmissionOutcome.Invalid(errors);
            }

            var revisionNumber = existing.Submission.Revision + 1;
            var updated = existing.Submission with
            {
                Fields = values!,
                UpdatedAt = now,
                Revision = revisionNumber,
                Withdrawn = action == RevisionAction.Withdrawn,
            };
            var diff = action == RevisionAction.Withdrawn ? [] : SubmissionRules.Diff(report, existing.Submission.Fields, values!);
            var revision = new SubmissionRevision(revisionNumber, action, now, actor.By, actor.Channel, diff);
            var etag = await store.SaveAsync(updated, existing.ETag, revision, idempotency?.Key, idempotency?.Answer, cancellationToken).ConfigureAwait(false);
            if (etag is { } saved)
            {
                return await LedgeredAsync(report, period, new SubmissionOutcome.Saved(updated, saved, Created: false, revision), cancellationToken).ConfigureAwait(false);
            }

            if (ifMatch is not null)
            {
                return await ReplayAsync(hub, report, period, idempotency, cancellationToken).ConfigureAwait(false) ?? new SubmissionOutcome.PreconditionFailed();
            }

            await Backoff(attempt, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Could not revise a submission of {hub.Id}/{report.Id}/{period.Key} after {MaxAttempts} attempts.");
    }

    /// <summary>
    /// How long before a period's due time its changes start going to the ledger as they happen. Before that, the tick
    /// copies the period to the ledger when it falls due (<see cref="LedgerClosing"/>), so a submission costs one
    /// storage round trip; the margin covers a change that started before the due time and is saved after the copy.
    /// </summary>
    public static readonly TimeSpan LedgerWriteThrough = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Copies a saved change to the ledger when the period is about to fall due, has, or is an ad hoc window (which the
    /// tick does not copy). The submission is stored by now and the caller is owed its answer, so a ledger that cannot
    /// be written is logged rather than failing the request: the next digest of the period repairs it from the
    /// submissions table.
    /// </summary>
    private async Task<SubmissionOutcome> LedgeredAsync(ReportKind report, Period period, SubmissionOutcome.Saved saved, CancellationToken cancellationToken)
    {
        if (report.Schedule.Cadence != Cadence.AdHoc && saved.Submission.UpdatedAt < period.Due - LedgerWriteThrough)
        {
            return saved;
        }

        try
        {
            await ledger.SaveAsync(saved.Submission.HubId, report.Id, [LedgerEntry.Of(saved.Submission, report)], cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            LedgerBehind(logger, saved.Submission.HubId, report.Id, saved.Submission.PeriodKey, ex.Status);
        }

        return saved;
    }

    [LoggerMessage(1310, LogLevel.Warning, "Hub {HubId}: the ledger of {ReportId} {PeriodKey} was not updated (storage answered {Status}); the period's next digest repairs it", EventName = "LedgerBehind")]
    private static partial void LedgerBehind(ILogger logger, string hubId, string reportId, string periodKey, int status);

    private async Task<SubmissionOutcome?> ReplayAsync(Hub hub, ReportKind report, Period period, Idempotency? idempotency, CancellationToken cancellationToken) =>
        idempotency is null
            ? null
            : await store.GetIdempotentResponseAsync(hub.Id, report.Id, period.Key, idempotency.Key, cancellationToken).ConfigureAwait(false) is { } stored
                ? new SubmissionOutcome.Replayed(stored)
                : null;

    // Spread concurrent writers of one submission apart so they do not collide again at once.
    private Task Backoff(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + (Math.Min(attempt, 10) * 10))), time, cancellationToken);
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ServerlessHub.Submissions;

namespace ServerlessHub.Storage.Submissions;

/// <summary>A submission with the ETag it was read at, for optimistic concurrency.</summary>
public sealed record StoredSubmission(Submission Submission, ETag ETag);

/// <summary>
/// Submissions in the <c>submissions</c> table. One partition per (hub, report kind, period) —
/// <c>{hubId}|{reportId}|{periodKey}</c> — holds the period's current submissions (rows <c>s|{submitter}</c>), every
/// revision (<c>r|{submitter}|{revision:D6}</c>) and idempotency records (<c>i|{sha256(key)}</c>). So a period's
/// list and status are one single-partition range query, and a change, its revision and its idempotency record are
/// written together in one entity-group transaction: no revision is ever lost or counted twice.
/// </summary>
public sealed class SubmissionStore(StorageAccount account)
{
    public const string TableName = "submissions";

    public static string Partition(string hubId, string reportId, string periodKey) => $"{hubId}|{reportId}|{periodKey}";

    public async Task<StoredSubmission?> GetAsync(string hubId, string reportId, string periodKey, string submitterId, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition(hubId, reportId, periodKey), CurrentRow(submitterId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new StoredSubmission(ToSubmission(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>The period's current submissions, withdrawn ones included: one single-partition range query.</summary>
    public async Task<IReadOnlyList<Submission>> ListPeriodAsync(string hubId, string reportId, string periodKey, CancellationToken cancellationToken = default)
    {
        var list = new List<Submission>();
        await foreach (var submission in QueryPeriodAsync(hubId, reportId, periodKey, cancellationToken).ConfigureAwait(false))
        {
            list.Add(submission);
        }

        return list;
    }

    /// <summary>
    /// The period's current submissions, withdrawn ones included, as the same single-partition range query yields them
    /// page by page (in submitter order): an export holds one page at a time, however large the period.
    /// </summary>
    public async IAsyncEnumerable<Submission> QueryPeriodAsync(string hubId, string reportId, string periodKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = Partition(hubId, reportId, periodKey);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo("s|") >= 0 && e.RowKey.CompareTo("s}") < 0, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ToSubmission(entity);
        }
    }

    public async Task<IReadOnlyList<SubmissionRevision>> ListRevisionsAsync(string hubId, string reportId, string periodKey, string submitterId, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = Partition(hubId, reportId, periodKey);
        var from = $"r|{submitterId}|";
        var to = $"r|{submitterId}}}";
        var list = new List<SubmissionRevision>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new SubmissionRevision(
                entity.GetInt32("Revision") ?? 0,
                Enum.Parse<RevisionAction>(entity.GetString("Action")!),
                entity.GetDateTimeOffset("At") ?? default,
                entity.GetString("By") ?? "",
                Enum.Parse<SubmissionChannel>(entity.GetString("Channel")!),
                JsonSerializer.Deserialize(entity.GetString("Changes") ?? "[]", StorageJsonContext.Default.IReadOnlyListFieldChange) ?? []));
        }

        return list;
    }

    public async Task<IdempotentResponse?> GetIdempotentResponseAsync(string hubId, string reportId, string periodKey, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition(hubId, reportId, periodKey), IdempotentResponse.Row(idempotencyKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue
            ? new IdempotentResponse(response.Value!.GetString("RequestHash") ?? "", response.Value.GetInt32("StatusCode") ?? 200, response.Value.GetString("Body") ?? "")
            : null;
    }

    /// <summary>
    /// Writes the submission's new state, its revision record and (optionally) the idempotent response at once.
    /// <paramref name="expected"/> null means the submission must not exist yet.
    /// </summary>
    /// <returns>The new ETag, or null when another writer got there first (exists already, or changed since read).</returns>
    public async Task<ETag?> SaveAsync(Submission submission, ETag? expected, SubmissionRevision revision, string? idempotencyKey, Func<Submission, IdempotentResponse>? response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(revision);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var current = ToEntity(submission);
        var actions = new List<TableTransactionAction>
        {
            expected is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, current),
            new(TableTransactionActionType.Add, ToEntity(submission, revision)),
        };
        if (idempotencyKey is not null && response is not null)
        {
            var answer = response(submission);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(current.PartitionKey, IdempotentResponse.Row(idempotencyKey))
            {
                ["RequestHash"] = answer.RequestHash,
                ["StatusCode"] = answer.StatusCode,
                ["Body"] = answer.Body,
                ["At"] = revision.At.ToUniversalTime(),
            }));
        }

        try
        {
            var result = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return result.Value[0].Headers.ETag;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes up to <paramref name="max"/> of the period's idempotency records (rows <c>i|…</c> only, never a
    /// submission or revision) written before <paramref name="before"/>: one range query inside the period's partition.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeleteIdempotencyRecordsAsync(string hubId, string reportId, string periodKey, DateTimeOffset before, int max, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        return await IdempotentResponse.DeleteOlderThanAsync(table, Partition(hubId, reportId, periodKey), before, max, cancellationToken).ConfigureAwait(false);
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);

    private static string CurrentRow(string submitterId) => $"s|{submitterId}";

    private static TableEntity ToEntity(Submission s) => new(Partition(s.HubId, s.ReportId, s.PeriodKey), CurrentRow(s.SubmitterId))
    {
        ["HubId"] = s.HubId,
        ["ReportId"] = s.ReportId,
        ["PeriodKey"] = s.PeriodKey,
        ["SubmitterId"] = s.SubmitterId,
        ["UnitId"] = s.UnitId,
        ["Fields"] = JsonSerializer.Serialize(s.Fields, StorageJsonContext.Default.IReadOnlyDictionaryStringString),
        ["Channel"] = s.Channel.ToString(),
        ["SubmittedBy"] = s.SubmittedBy,
        ["FirstSubmittedAt"] = s.FirstSubmittedAt.ToUniversalTime(),
        ["UpdatedAt"] = s.UpdatedAt.ToUniversalTime(),
        ["Late"] = s.Late,
        ["Revision"] = s.Revision,
        ["Withdrawn"] = s.Withdrawn,
    };

    private static TableEntity ToEntity(Submission s, SubmissionRevision r) =>
        new(Partition(s.HubId, s.ReportId, s.PeriodKey), $"r|{s.SubmitterId}|{r.Revision.ToString("D6", CultureInfo.InvariantCulture)}")
        {
            ["Revision"] = r.Revision,
            ["Action"] = r.Action.ToString(),
            ["At"] = r.At.ToUniversalTime(),
            ["By"] = r.By,
            ["Channel"] = r.Channel.ToString(),
            ["Changes"] = JsonSerializer.Serialize(r.Changes, StorageJsonContext.Default.IReadOnlyListFieldChange),
        };

    private static Submission ToSubmission(TableEntity e) => new(
        e.GetString("HubId")!,
        e.GetString("ReportId")!,
        e.GetString("PeriodKey")!,
        e.GetString("SubmitterId")!,
        e.GetString("UnitId")!,
        JsonSerializer.Deserialize(e.GetString("Fields") ?? "{}", StorageJsonContext.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string>(),
        Enum.Parse<SubmissionChannel>(e.GetString("Channel")!),
        e.GetString("SubmittedBy") ?? "",
        e.GetDateTimeOffset("FirstSubmittedAt") ?? default,
        e.GetDateTimeOffset("UpdatedAt") ?? default,
        e.GetBoolean("Late") ?? false,
        e.GetInt32("Revision") ?? 0,
        e.GetBoolean("Withdrawn") ?? false);
}

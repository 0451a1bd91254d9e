using System.Text.Json;
using Azure.Data.Tables;
using ServerlessHub.Digests;

namespace ServerlessHub.Storage.Digests;

/// <summary>
/// The ledger in the <c>ledger</c> table: one row per (report kind, period, submitter) in one partition per
/// (hub, report kind) — <c>{hubId}|{reportId}</c>, rows <c>{periodKey}|{submitterId}</c> — so the periods of a term
/// (whose keys sort in time for weekly, monthly and quarterly kinds) are one single-partition range query. The
/// submissions table stays the record; the ledger follows every change to it and is repaired from it when a digest
/// reads a period.
/// </summary>
public sealed class SubmissionLedgerStore(StorageAccount account)
{
    public const string TableName = "ledger";

    private const int BatchSize = 100;

    /// <summary>Entries of the periods from <paramref name="fromKey"/> to <paramref name="toKey"/> (both included, in key
    /// order): one single-partition range query.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string hubId, string reportId, string fromKey, string toKey, CancellationToken cancellationToken = default)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = Partition(hubId, reportId);
        var from = fromKey + "|";
        var to = toKey + "}";
        var list = new List<LedgerEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new LedgerEntry(
                entity.GetString("PeriodKey")!,
                entity.GetString("SubmitterId")!,
                entity.GetBoolean("Late") ?? false,
                entity.GetBoolean("Withdrawn") ?? false,
                JsonSerializer.Deserialize(entity.GetString("Numbers") ?? "{}", StorageJsonContext.Default.IReadOnlyDictionaryStringDecimal) ?? new Dictionary<string, decimal>()));
        }

        return list;
    }

    /// <summary>Writes <paramref name="entries"/> (upserts, in entity-group batches of 100).</summary>
    public async Task SaveAsync(string hubId, string reportId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var table = await Table(cancellationToken).ConfigureAwait(false);
        foreach (var batch in entries.DistinctBy(e => (e.PeriodKey, e.SubmitterId)).Chunk(BatchSize))
        {
            await table.SubmitTransactionAsync(
                batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(hubId, reportId, e))), cancellationToken).ConfigureAwait(false);
        }
    }

    public static string Partition(string hubId, string reportId) => $"{hubId}|{reportId}";

    private static TableEntity ToEntity(string hubId, string reportId, LedgerEntry e) => new(Partition(hubId, reportId), $"{e.PeriodKey}|{e.SubmitterId}")
    {
        ["PeriodKey"] = e.PeriodKey,
        ["SubmitterId"] = e.SubmitterId,
        ["Late"] = e.Late,
        ["Withdrawn"] = e.Withdrawn,
        ["Numbers"] = JsonSerializer.Serialize(e.Numbers, StorageJsonContext.Default.IReadOnlyDictionaryStringDecimal),
    };

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

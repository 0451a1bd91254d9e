using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Reminders;

/// <summary>A period of a report kind as it opened: who was expected to submit then, and whether its ladder is queued.</summary>
public sealed record OpenedPeriod(IReadOnlyList<string> ExpectedIds, DateTimeOffset OpenedAt, bool LadderQueued);

/// <summary>One reminder sent (or urged by hand) to one recipient in a period.</summary>
/// <param name="Step">The ladder step's offset (<c>-1d</c>, <c>+1wd</c>) or <c>催报</c> for a manual urge.</param>
/// <param name="StepIndex">The step's position in the ladder; -1 for a manual urge.</param>
/// <param name="Recipient">The WeCom user id, or <c>channel:{id}</c> for a post to a channel.</param>
/// <param name="Outcome">queued | skipped, with why.</param>
/// <param name="DeliveryId">The outbound delivery id, whose parts the outbox lists.</param>
/// <param name="Late">Whether it went out later than its step's time (the app was down, or it waited for sending hours).</param>
public sealed record ReminderRecord(string Step, int StepIndex, string Recipient, DateTimeOffset At, string Outcome, string? DeliveryId, bool Late);

/// <summary>Whether a reminder to one recipient may be sent by this caller.</summary>
public enum ReminderClaim
{
    /// <summary>This caller claimed it (or claimed it before, on an earlier attempt of the same queue message): send it.</summary>
    Claimed,
    /// <summary>Another delivery of the reminder claimed it: do not send it again.</summary>
    Taken,
}

/// <summary>
/// The <c>reminders</c> table: one partition per hub, report kind and period, holding the period's opening (row
/// <c>opened</c>), one claim per ladder step and recipient (row <c>{step:00}|{recipient}</c>) and one per manual urge,
/// hour and recipient (row <c>u|{yyyyMMddHH}|{recipient}</c>). Claims are
/// insert-if-absent and remember the queue message that made them, so a retry of that message after a crash sends what
/// it claimed, while a second copy of the message (several instances, redelivery) sends nothing.
/// </summary>
public sealed class ReminderStore(StorageAccount account)
{
    public const string TableName = "reminders";
    private const string OpenedRow = "opened";

    /// <summary>Records that the period opened, with who is expected; false when it was recorded already.</summary>
    public async Task<bool> TryOpenAsync(string hubId, string reportId, string periodKey, IReadOnlyList<string> expectedIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition(hubId, reportId, periodKey), OpenedRow)
        {
            ["ExpectedIds"] = JsonSerializer.Serialize(expectedIds, StorageJsonContext.Default.IReadOnlyListString),
            ["OpenedAt"] = now,
            ["LadderQueued"] = false,
        };
        try
        {
            await (await Table(cancellationToken).ConfigureAwait(false)).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<OpenedPeriod?> GetOpenedAsync(string hubId, string reportId, string periodKey, CancellationToken cancellationToken = default)
    {
        var row = await (await Table(cancellationToken).ConfigureAwait(false)).GetEntityIfExistsAsync<TableEntity>(Partition(hubId, reportId, periodKey), OpenedRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? new OpenedPeriod(
            JsonSerializer.Deserialize(row.Value!.GetString("ExpectedIds") ?? "[]", StorageJsonContext.Default.IReadOnlyListString) ?? [],
            row.Value.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue,
            row.Value.GetBoolean("LadderQueued") ?? false) : null;
    }

    public async Task MarkLadderQueuedAsync(string hubId, string reportId, string periodKey, CancellationToken cancellationToken = default) =>
        await (await Table(cancellationToken).ConfigureAwait(false)).UpdateEntityAsync(
            new TableEntity(Partition(hubId, reportId, periodKey), OpenedRow) { ["LadderQueued"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);

    /// <summary>Claims the reminder of one step to one recipient for the queue message <paramref name="owner"/>.</summary>
    public async Task<ReminderClaim> TryClaimAsync(string hubId, string reportId, string periodKey, ReminderRecord record, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = Partition(hubId, reportId, periodKey);
        var row = Row(record);
        var entity = new TableEntity(partition, row)
        {
            ["Step"] = record.Step,
            ["StepIndex"] = record.StepIndex,
            ["Recipient"] = record.Recipient,
            ["At"] = record.At,
            ["Outcome"] = record.Outcome,
            ["DeliveryId"] = record.DeliveryId,
            ["Late"] = record.Late,
            ["Owner"] = owner,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return ReminderClaim.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(partition, row, select: ["Owner"], cancellationToken: cancellationToken).ConfigureAwait(false);
            return existing.Value.GetString("Owner") == owner ? ReminderClaim.Claimed : ReminderClaim.Taken;
        }
    }

    /// <summary>Every reminder of the period, in step order then recipient.</summary>
    public async Task<IReadOnlyList<ReminderRecord>> ListAsync(string hubId, string reportId, string periodKey, CancellationToken cancellationToken = default)
    {
        var records = new List<ReminderRecord>();
        await foreach (var row in (await Table(cancellationToken).ConfigureAwait(false)).QueryAsync<TableEntity>(
            e => e.PartitionKey == Partition(hubId, reportId, periodKey) && e.RowKey != OpenedRow, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(new ReminderRecord(
                row.GetString("Step") ?? "", row.GetInt32("StepIndex") ?? 0, row.GetString("Recipient") ?? "", row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetString("Outcome") ?? "", row.GetString("DeliveryId"), row.GetBoolean("Late") ?? false));
        }

        return records;
    }

    private static string Partition(string hubId, string reportId, string periodKey) => $"{hubId}|{reportId}|{periodKey}";

    // A ladder step reaches a recipient once; a manual urge (index -1) once per hour. Row keys sort as text, so steps
    // are zero-padded and urges (u…) sort after them.
    private static string Row(ReminderRecord record) => record.StepIndex < 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"u|{record.At.UtcDateTime:yyyyMMddHH}|{record.Recipient}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{record.StepIndex:00}|{record.Recipient}");

    private Task<TableClient> Table(CancellationToken cancellationToken) => account.GetTableAsync(TableName, cancellationToken);
}

using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace ServerlessHub.Storage.Submissions;

/// <summary>A window a coordinator opened for an ad hoc report kind (临时报送), with its id and local first and last day.</summary>
public sealed record AdHocWindow(string Id, DateOnly FirstDay, DateOnly LastDay, string OpenedBy, DateTimeOffset OpenedAt);

/// <summary>
/// The windows of ad hoc report kinds in the <c>adhocperiods</c> table: partition = <c>{hubId}|{reportId}</c>, row = the
/// window's id. A report kind's windows are one single-partition query; one window is a point read.
/// </summary>
public sealed class AdHocPeriodStore(StorageAccount account)
{
    public const string TableName = "adhocperiods";

    /// <returns>False when a window with that id exists already.</returns>
    public async Task<bool> AddAsync(string hubId, string reportId, AdHocWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition(hubId, reportId), window.Id)
            {
                ["FirstDay"] = Day(window.FirstDay),
                ["LastDay"] = Day(window.LastDay),
                ["OpenedBy"] = window.OpenedBy,
                ["OpenedAt"] = window.OpenedAt.ToUniversalTime(),
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<AdHocWindow?> GetAsync(string hubId, string reportId, string id, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition(hubId, reportId), id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToWindow(response.Value!) : null;
    }

    public async Task<IReadOnlyList<AdHocWindow>> ListAsync(string hubId, string reportId, CancellationToken cancellationToken = default)
    {
        var table = await account.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(hubId, reportId);
        var list = new List<AdHocWindow>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToWindow(entity));
        }

        return list;
    }

    private const string DayFormat = "yyyy-MM-dd";

    private static string Partition(string hubId, string reportId) => $"{hubId}|{reportId}";

    private static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, DayFormat, CultureInfo.InvariantCulture);

    private static AdHocWindow ToWindow(TableEntity e) => new(
        e.RowKey,
        Day(e.GetString("FirstDay")!),
        Day(e.GetString("LastDay")!),
        e.GetString("OpenedBy") ?? "",
        e.GetDateTimeOffset("OpenedAt") ?? default);
}

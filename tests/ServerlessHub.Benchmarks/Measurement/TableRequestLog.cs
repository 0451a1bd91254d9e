using System.Collections.Concurrent;
using System.Diagnostics;

namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>What a stretch of work asked of the Table service, request by request.</summary>
/// <param name="Queries">Queries started: a query's first page, whose URL carries no continuation token.</param>
/// <param name="Pages">Query requests, the first page included: a query of 5,000 rows takes five 1,000-row pages.</param>
/// <param name="CrossPartitionQueries">Queries whose filter names no single partition (<c>PartitionKey eq</c>).</param>
/// <param name="PointReads">Other reads: of one entity by its keys.</param>
/// <param name="Writes">Everything else: inserts, upserts, deletes, entity-group transactions, table creation.</param>
/// <param name="QueriesByTable">Queries started, per table.</param>
internal sealed record TableRequests(long Queries, long Pages, long CrossPartitionQueries, long PointReads, long Writes, IReadOnlyDictionary<string, long> QueriesByTable)
{
    public long Requests => Pages + PointReads + Writes;

    public static TableRequests operator -(TableRequests after, TableRequests before) => new(
        after.Queries - before.Queries,
        after.Pages - before.Pages,
        after.CrossPartitionQueries - before.CrossPartitionQueries,
        after.PointReads - before.PointReads,
        after.Writes - before.Writes,
        after.QueriesByTable.ToDictionary(e => e.Key, e => e.Value - before.QueriesByTable.GetValueOrDefault(e.Key), StringComparer.Ordinal)
            .Where(e => e.Value != 0).ToDictionary(StringComparer.Ordinal));
}

/// <summary>
/// Classifies the HTTP requests this process makes to one Table service port, from the activities the .NET HTTP
/// client itself records for each request (<c>System.Net.Http</c>, with <c>url.full</c>), so the app is observed as
/// it ships, with no hook in its storage clients. A query's later pages are told from its first by the continuation
/// token (<c>NextPartitionKey</c>/<c>NextRowKey</c>) in their query string.
/// </summary>
/// <remarks>
/// The HTTP client redacts query strings in <c>url.full</c> unless <c>System.Net.Http.DisableUriRedaction</c> is set,
/// and reads that switch once, when the process first sends a request: call <see cref="KeepQueryStrings"/> before.
/// </remarks>
internal sealed class TableRequestLog : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly int _port;
    private readonly ConcurrentDictionary<string, long> _queriesByTable = new(StringComparer.Ordinal);
    private long _queries;
    private long _pages;
    private long _crossPartition;
    private long _pointReads;
    private long _writes;
    private long _redacted;

    public TableRequestLog(int port)
    {
        _port = port;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public static void KeepQueryStrings() => AppContext.SetSwitch("System.Net.Http.DisableUriRedaction", true);

    public TableRequests Snapshot()
    {
        if (Interlocked.Read(ref _redacted) > 0)
        {
            throw new InvalidOperationException("The HTTP client redacted request URLs, so pages cannot be told from queries: call KeepQueryStrings before the process's first HTTP request.");
        }

        return new TableRequests(Interlocked.Read(ref _queries), Interlocked.Read(ref _pages), Interlocked.Read(ref _crossPartition),
            Interlocked.Read(ref _pointReads), Interlocked.Read(ref _writes), _queriesByTable.ToDictionary(StringComparer.Ordinal));
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        if (activity.GetTagItem("server.port") is not int port || port != _port
            || activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        var method = activity.GetTagItem("http.request.method") as string;
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var query = Uri.UnescapeDataString(uri.Query);
        if (query == "?*")
        {
            Interlocked.Increment(ref _redacted);
        }

        if (method != "GET")
        {
            Interlocked.Increment(ref _writes);
        }
        else if (path.EndsWith("()", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _pages);
            if (!query.Contains("NextPartitionKey=", StringComparison.Ordinal) && !query.Contains("NextRowKey=", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _queries);
                _queriesByTable.AddOrUpdate(path[(path.LastIndexOf('/') + 1)..^2], 1, (_, n) => n + 1);
                if (!query.Contains("PartitionKey eq '", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _crossPartition);
                }
            }
        }
        else
        {
            Interlocked.Increment(ref _pointReads);
        }
    }
}

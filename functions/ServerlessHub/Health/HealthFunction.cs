using System.Text.Json.Serialization;
using ServerlessHub.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Storage;

namespace ServerlessHub.Health;

/// <summary><c>GET /api/health</c>: whether this instance can reach its tables and queues.</summary>
public static class HealthFunction
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static void MapHealth(this WebApplication app) =>
        app.MapHttpFunction("Health", CheckAsync).WithSummary("Storage reachability of this instance");

    internal static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(StorageAccount storage, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var tables = ProbeAsync(async ct =>
        {
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).ConfigureAwait(false))
            {
                break;
            }
        }, timeout.Token);
        var queues = ProbeAsync(ct => storage.Queues.GetPropertiesAsync(ct), timeout.Token);
        var report = new HealthReport(
            await tables.ConfigureAwait(false) && await queues.ConfigureAwait(false) ? "healthy" : "unhealthy",
            new StorageHealth(await tables.ConfigureAwait(false) ? "reachable" : "unreachable", await queues.ConfigureAwait(false) ? "reachable" : "unreachable"));
        return report.Status == "healthy"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await probe(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or OperationCanceledException or HttpRequestException)
        {
            return false;
        }
    }
}

public sealed record HealthReport(string Status, StorageHealth Storage);

public sealed record StorageHealth(string Tables, string Queues);

[JsonSerializable(typeof(HealthReport))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;

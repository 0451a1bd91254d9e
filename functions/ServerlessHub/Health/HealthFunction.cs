using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Runtime;
using ServerlessHub.Storage;

namespace ServerlessHub.Health;

/// <summary><c>GET /api/health</c>: whether this instance can reach its tables and queues.</summary>
public static class HealthFunction
{
    /// <summary>Registers the storage probe behind the endpoint and starts its first probe now.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, StorageAccount storage)
    {
        // The probe's timeout and answer reuse are wall-clock matters, whatever clock the domain is given, and the
        // probe exists before the service provider does.
        var probe = new StorageProbe(storage, TimeProvider.System);
        return services.AddSingleton(probe).AddHostedService(_ => probe);
    }

    public static void MapHealth(this WebApplication app) =>
        app.MapGet(app.HttpFunctionRoute("Health", HttpMethods.Get), CheckAsync).WithSummary("Storage reachability of this instance");

    internal static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(StorageProbe probe)
    {
        var storage = await probe.CheckAsync().ConfigureAwait(false);
        var healthy = storage.Tables == "reachable" && storage.Queues == "reachable";
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", storage);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthReport(string Status, StorageHealth Storage);

public sealed record StorageHealth(string Tables, string Queues);

[JsonSerializable(typeof(HealthReport))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;

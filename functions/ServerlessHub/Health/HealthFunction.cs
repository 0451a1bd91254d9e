using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Storage;

namespace ServerlessHub.Health;

/// <summary><c>GET /api/health</c>: whether this instance can reach its tables and queues.</summary>
public sealed class HealthFunction(StorageProbe probe)
{
    [Function("Health")]
    [EndpointSummary("Storage reachability of this instance")]
    [EndpointDescription(
        "Tells whether this instance can reach its storage tables and queues: 200 when healthy, 503 with the reason when not. " +
        "Concurrent calls share one probe and its answer is reused for 2 s, so polling is cheap. " +
        "Open to anyone, no key.")]
    [AllowAnonymous]
    [ProducesResponseType<HealthReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthReport>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<HealthAnswer> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        var storage = await probe.CheckAsync().ConfigureAwait(false);
        var healthy = storage.Tables == "reachable" && storage.Queues == "reachable";
        return new HealthAnswer(new HealthReport(healthy ? "healthy" : "unhealthy", storage));
    }
}

public sealed record HealthReport(string Status, StorageHealth Storage);

/// <param name="Tables">reachable | unreachable.</param>
/// <param name="Queues">reachable | unreachable.</param>
/// <param name="TablesProblem">Why the tables are unreachable (e.g. 无法访问（ConnectionRefused）, HTTP 403), or null.</param>
/// <param name="QueuesProblem">Why the queues are unreachable, or null.</param>
public sealed record StorageHealth(
    string Tables,
    string Queues,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TablesProblem = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? QueuesProblem = null);

internal static class HealthServices
{
    /// <summary>Registers the storage probe behind the health function and starts its first probe now.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, StorageAccount storage)
    {
        // The probe's timeout and answer reuse are wall-clock matters, whatever clock the domain is given, and the
        // probe exists before the service provider does.
        var probe = new StorageProbe(storage, TimeProvider.System);
        return services.AddSingleton(probe).AddHostedService(_ => probe);
    }
}

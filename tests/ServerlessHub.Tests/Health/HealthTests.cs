using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessHub.Testing;

namespace ServerlessHub.Health;

public sealed class HealthTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_StorageReachable_Answers200Healthy()
    {
        await using var hub = await HubInstance.StartAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["LocalHost:RunTriggers"] = "false" }, cancellationToken: _ct);

        var report = await hub.Http.GetFromJsonAsync<JsonElement>("/api/health", _ct);

        Assert.Equal("healthy", report.GetProperty("status").GetString());
        Assert.Equal("reachable", report.GetProperty("storage").GetProperty("tables").GetString());
        Assert.Equal("reachable", report.GetProperty("storage").GetProperty("queues").GetString());
    }

    [Fact]
    public async Task Health_StorageUnreachable_Answers503Unhealthy()
    {
        // A port nothing listens on: the connection is refused at once.
        var dead = azurite.ConnectionString.Replace($":{new Uri(ExtractEndpoint("QueueEndpoint")).Port}/", ":1/", StringComparison.Ordinal)
            .Replace($":{new Uri(ExtractEndpoint("TableEndpoint")).Port}/", ":1/", StringComparison.Ordinal);
        await using var hub = await HubInstance.StartAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = dead, ["LocalHost:RunTriggers"] = "false" }, cancellationToken: _ct);

        using var response = await hub.Http.GetAsync("/api/health", _ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("unhealthy", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownRoute_AnswersProblemJson404()
    {
        await using var hub = await HubInstance.StartAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["LocalHost:RunTriggers"] = "false" }, cancellationToken: _ct);

        using var response = await hub.Http.GetAsync("/api/no-such-thing", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private string ExtractEndpoint(string name) =>
        azurite.ConnectionString.Split(';').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Testing;

namespace ServerlessHub.Runtime;

/// <summary>The handler as the Functions host sees it: FUNCTIONS_CUSTOMHANDLER_PORT set, invocations posted to /{FunctionName}.</summary>
public sealed class InvocationContractTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InvocationRecorder _recorder = new();
    private readonly ScriptRoot _root = new ScriptRoot().WithQueueFunction("Echo", "echo-contract").WithQueueFunction("Fails", "fails-contract");
    private HubInstance _hub = null!;

    public async ValueTask InitializeAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _hub = await HubInstance.StartAsync(
            new Dictionary<string, string?>
            {
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["AzureWebJobsScriptRoot"] = _root.Path,
            },
            services =>
            {
                services.AddSingleton(_recorder);
                services.AddFunction<EchoFunction>("Echo");
                services.AddFunction<FailingFunction>("Fails");
            },
            _ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _root.Dispose();
    }

    [Fact]
    public async Task Ping_AnswersAtOnce()
    {
        using var response = await _hub.Http.GetAsync("/", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QueueInvocation_AsTheHostSendsIt_ReturnsOutputsLogsAndReturnValue()
    {
        using var response = await PostAsync("/Echo", """
            {
              "Data": { "message": "{\"text\":\"周报\"}" },
              "Metadata": {
                "DequeueCount": "1", "ExpirationTime": "2026-11-29T08:00:00+00:00", "Id": "\"5f1c\"",
                "InsertionTime": "2026-11-22T08:00:00+00:00", "NextVisibleTime": "2026-11-22T08:10:00+00:00",
                "PopReceipt": "\"AgAAAAMAAAA\"",
                "sys": { "MethodName": "Echo", "UtcNow": "2026-11-22T08:00:01Z", "RandGuid": "0f6a2b1c-aaaa-bbbb-cccc-1234567890ab" }
              }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal("echo 5f1c", body.RootElement.GetProperty("Logs")[0].GetString());
        Assert.Equal("""{"text":"周报"}""", body.RootElement.GetProperty("ReturnValue").GetString());
    }

    [Fact]
    public async Task QueueInvocation_MessageJsonEncodedTwice_IsDecodedOnce()
    {
        using var response = await PostAsync("/Echo", """{"Data":{"message":"\"{\\\"text\\\":\\\"周报\\\"}\""},"Metadata":{"DequeueCount":2}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, text, dequeueCount) = Assert.Single(_recorder.Queue);
        Assert.Equal("""{"text":"周报"}""", text);
        Assert.Equal(2, dequeueCount);
    }

    [Fact]
    public async Task QueueInvocation_MessageAsJsonObject_IsPassedAsItsText()
    {
        using var response = await PostAsync("/Echo", """{"Data":{"message":{"text":"周报"}},"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"text":"周报"}""", Assert.Single(_recorder.Queue).Text);
    }

    [Fact]
    public async Task TimerInvocation_AsTheHostSendsIt_RunsTheTick()
    {
        using var response = await PostAsync("/Tick", """
            {
              "Data": { "timer": { "Schedule": { "AdjustForDST": true }, "ScheduleStatus": { "Last": "2026-11-22T07:59:00+00:00", "Next": "2026-11-22T08:01:00+00:00", "LastUpdated": "2026-11-22T07:59:00+00:00" }, "IsPastDue": false } },
              "Metadata": { "sys": { "MethodName": "Tick", "UtcNow": "2026-11-22T08:00:00Z", "RandGuid": "9b0e1c84-1111-2222-3333-444455556666" } }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        Assert.StartsWith("tick ", body.RootElement.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingFunction_AnswersNon2xxSoTheHostRetries()
    {
        using var response = await PostAsync("/Fails", """{"Data":{"message":"{}"},"Metadata":{"DequeueCount":"1"}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("always fails", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Echo", "not json", HttpStatusCode.BadRequest)]
    [InlineData("/Echo", "", HttpStatusCode.BadRequest)]
    [InlineData("/Echo", "null", HttpStatusCode.BadRequest)]
    [InlineData("/Echo", "[1,2]", HttpStatusCode.BadRequest)]
    [InlineData("/Echo", """{"Metadata":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("/Echo", """{"Data":{"other":"x"},"Metadata":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("/Echo", """{"Data":{"message":42},"Metadata":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("/Tick", """{"Data":{"timer":"not timer info"},"Metadata":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("/Tick", """{"Data":{"timer":[1]},"Metadata":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("/NoSuchFunction", """{"Data":{},"Metadata":{}}""", HttpStatusCode.NotFound)]
    [InlineData("/Health", """{"Data":{},"Metadata":{}}""", HttpStatusCode.NotFound)]
    public async Task BadInvocation_AnswersProblemJsonNever500(string path, string body, HttpStatusCode expected)
    {
        using var response = await PostAsync(path, body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_recorder.Queue);
    }

    [Fact]
    public async Task ForwardedHttpFunction_IsServedAtItsRoute()
    {
        var health = await _hub.Http.GetFromJsonAsync<JsonElement>("/api/health", _ct);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _hub.Http.PostAsync(path, content, _ct);
    }
}

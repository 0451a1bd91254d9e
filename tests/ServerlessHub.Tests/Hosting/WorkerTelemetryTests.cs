using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using Azure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace ServerlessHub.Hosting;

/// <summary>
/// The worker sends its traces to Application Insights through OpenTelemetry only when it has a connection string.
/// Here the connection string's ingestion endpoint is a listener on 127.0.0.1 that records what arrives.
/// </summary>
public sealed class WorkerTelemetryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication _ingestion = null!;

    [Fact]
    public void Worker_WithoutConnectionString_RegistersNoTelemetry()
    {
        using var host = Worker.CreateBuilder([]).Build();

        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Worker_WithConnectionString_ExportsTheInvocationSpanToApplicationInsights()
    {
        var ct = TestContext.Current.CancellationToken;
        var endpoint = _ingestion.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var connectionString = $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint={endpoint}/;LiveEndpoint={endpoint}/";
        var builder = Worker.CreateBuilder([$"--{WorkerTelemetry.ConnectionStringSetting}={connectionString}"]);
        // The worker's host cannot start without the Functions host (its gRPC client is a hosted service): keep only
        // the hosted services of OpenTelemetry and the exporter, which join the exporter to the tracer at host start.
        foreach (var service in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && !IsTelemetry(d)).ToList())
        {
            builder.Services.Remove(service);
        }

        using var host = builder.Build();
        await host.StartAsync(ct);

        // The span the isolated worker starts around each function run, from its own source, as a child of the
        // Functions host's span whose trace context arrives with the invocation.
        var hostSpan = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        using (var source = new ActivitySource(WorkerTelemetry.WorkerSource))
        using (var invocation = source.StartActivity("Invoke", ActivityKind.Server, hostSpan))
        {
            Assert.NotNull(invocation);
            invocation.SetTag("faas.name", "WeComCallback");
        }

        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        await Polling.UntilAsync(() => _received.Any(body => body.Contains("WeComCallback", StringComparison.Ordinal) && body.Contains(hostSpan.TraceId.ToHexString(), StringComparison.Ordinal)), ct);
        await host.StopAsync(ct);
    }

    [Theory]
    [InlineData("Authorization=AAD;ClientId=5e3c1f0a-7b2d-4c19-9a8e-2f6d0b4c1e77")]
    [InlineData("Authorization=AAD")]
    public void Credential_EntraAuthenticationString_IsTheManagedIdentity(string authentication)
    {
        Assert.IsType<ManagedIdentityCredential>(WorkerTelemetry.CredentialFrom(authentication));
    }

    [Fact]
    public void Credential_NoAuthenticationString_IsNone()
    {
        Assert.Null(WorkerTelemetry.CredentialFrom(null));
    }

    [Fact]
    public void Credential_UnknownAuthenticationString_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WorkerTelemetry.CredentialFrom("Authorization=Key"));

        Assert.Contains(WorkerTelemetry.AuthenticationStringSetting, error.Message, StringComparison.Ordinal);
    }

    private static bool IsTelemetry(ServiceDescriptor service)
    {
        var type = service.ImplementationType ?? service.ImplementationFactory?.Method.DeclaringType ?? service.ImplementationInstance?.GetType();
        var assembly = type?.Assembly.GetName().Name ?? "";
        return assembly.StartsWith("OpenTelemetry", StringComparison.Ordinal) || assembly.StartsWith("Azure.Monitor", StringComparison.Ordinal);
    }

    public async ValueTask InitializeAsync()
    {
        // SDK usage statistics would go to Microsoft's endpoints (and ask the VM metadata service first): off here.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_SDKSTATS_DISABLED", "true");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _ingestion = builder.Build();
        _ingestion.MapPost("/{**path}", async (HttpRequest request) =>
        {
            var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
            using var reader = new StreamReader(body);
            _received.Enqueue(await reader.ReadToEndAsync());
            // Application Insights' answer to a batch it took whole.
            return Results.Text("""{"itemsReceived":1,"itemsAccepted":1,"errors":[]}""", "application/json");
        });
        await _ingestion.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _ingestion.DisposeAsync();
}

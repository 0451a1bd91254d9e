using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;

namespace ServerlessHub.Hosting;

/// <summary>
/// The worker's logs and traces to Application Insights through OpenTelemetry, when the app has an Application
/// Insights connection string (as on Azure). Without one nothing is registered, so local runs and tests send nothing.
/// </summary>
/// <remarks>
/// The Functions host starts a span for each invocation and hands its trace context to the worker, whose
/// <c>Invoke</c> span (source <see cref="WorkerSource"/>) and outgoing HTTP calls (to WeCom) join that trace.
/// <c>UseFunctionsWorkerDefaults</c> also tells the host that the worker exports its own logs, so the host does not
/// send them a second time.
/// </remarks>
public static class WorkerTelemetry
{
    /// <summary>The Application Insights connection string (not a secret: ingestion needs the identity below when the
    /// resource has local authentication off, as the templates in infra/ deploy it).</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>Authorization=AAD</c>, with <c>ClientId=…</c> for a user-assigned identity: send with Microsoft Entra ID.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The isolated worker's activity source, whose <c>Invoke</c> span wraps each function run.</summary>
    public const string WorkerSource = "Microsoft.Azure.Functions.Worker";

    /// <summary>.NET's own source for outgoing HTTP requests; query values in the URL are redacted by default.</summary>
    public const string HttpClientSource = "System.Net.Http";

    /// <exception cref="InvalidOperationException"><see cref="AuthenticationStringSetting"/> is set but not understood.</exception>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[ConnectionStringSetting] is not { Length: > 0 } connectionString)
        {
            return services;
        }

        var credential = CredentialFrom(configuration[AuthenticationStringSetting]);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(WorkerSource, HttpClientSource))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                exporter.Credential = credential;
                // Every trace is kept: a hub sees a few thousand invocations a day, and the exporter's default rate
                // limit (5 traces/s, starting empty) drops the first traces of a burst, such as a callback's.
                exporter.SamplingRatio = 1.0F;
                exporter.TracesPerSecond = null;
            });
        return services;
    }

    /// <summary>The credential <paramref name="authentication"/> asks for, or null to send with the connection string's key.</summary>
    internal static TokenCredential? CredentialFrom(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
        {
            return null;
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries)))
        {
            parts[pair[0]] = pair.Length == 2 ? pair[1] : "";
        }

        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{AuthenticationStringSetting} must be 'Authorization=AAD' or 'Authorization=AAD;ClientId=<client id of a user-assigned identity>'.");
        }

        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessHub.LocalHost;
using ServerlessHub.Testing;

namespace ServerlessHub.Hosting;

/// <summary>
/// What the published JSON schema for host.json says about ours, restated as our own checks so a bad edit fails here
/// rather than at deployment (SchemaStore host.json schema, definition "version-2"), and that both hosts run the queue
/// triggers with its settings.
/// </summary>
public sealed partial class HostJsonTests
{
    // version-2 has additionalProperties: false, so any other top-level key is a violation.
    private static readonly HashSet<string> HostKeys =
    [
        "version", "extensionBundle", "aggregator", "functions", "functionTimeout", "healthMonitor", "languageWorker",
        "logging", "managedDependency", "retry", "customHandler", "singleton", "watchDirectories", "watchFiles",
        "extensions", "concurrency", "sendCanceledInvocationsToWorker",
    ];

    private static readonly HashSet<string> HttpExtensionKeys =
        ["routePrefix", "maxConcurrentRequests", "maxOutstandingRequests", "dynamicThrottlesEnabled", "hsts", "customHeaders"];

    private static readonly HashSet<string> QueuesExtensionKeys =
        ["maxPollingInterval", "visibilityTimeout", "batchSize", "maxDequeueCount", "newBatchThreshold", "messageEncoding"];

    private static readonly HashSet<string> MessageEncodings = ["base64", "none"];

    private static readonly HashSet<string> LogLevels = ["Critical", "Debug", "Error", "Information", "None", "Trace", "Warning"];

    [Fact]
    public void HostJson_Version_Is20()
    {
        using var host = ReadHost();

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void HostJson_TopLevelKeys_AreVersion2Keys()
    {
        using var host = ReadHost();

        Assert.All(host.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, HostKeys));
    }

    [Fact]
    public void HostJson_NamesNoHandlerExecutableOrExtensionBundle()
    {
        using var host = ReadHost();

        // The isolated worker is started from worker.config.json and brings its extensions in its own build (WorkerExtensions).
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _));
        Assert.False(host.RootElement.TryGetProperty("extensionBundle", out _));
    }

    [Fact]
    public void HostJson_HttpExtension_HasRoutePrefix()
    {
        using var host = ReadHost();
        var http = host.RootElement.GetProperty("extensions").GetProperty("http");

        Assert.Equal(JsonValueKind.String, http.GetProperty("routePrefix").ValueKind);
        Assert.All(http.EnumerateObject(), p => Assert.Contains(p.Name, HttpExtensionKeys));
    }

    [Fact]
    public void HostJson_Queues_AreWithinDocumentedRanges()
    {
        using var host = ReadHost();
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.All(queues.EnumerateObject(), p => Assert.Contains(p.Name, QueuesExtensionKeys));
        Assert.InRange(queues.GetProperty("batchSize").GetInt32(), 1, 32);
        Assert.True(queues.GetProperty("newBatchThreshold").TryGetInt32(out _));
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Contains(queues.GetProperty("messageEncoding").GetString()!, MessageEncodings);
        Assert.Matches(QueueTimeSpan(), queues.GetProperty("visibilityTimeout").GetString());
        var polling = queues.GetProperty("maxPollingInterval").GetString()!;
        Assert.Matches(QueueTimeSpan(), polling);
        // The schema's description: "Minimum is 00:00:00.100 (100 ms)".
        Assert.True(TimeSpan.Parse(polling, CultureInfo.InvariantCulture) >= TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void HostJson_LogLevels_AreKnownLevels()
    {
        using var host = ReadHost();

        Assert.All(host.RootElement.GetProperty("logging").GetProperty("logLevel").EnumerateObject(), p => Assert.Contains(p.Value.GetString()!, LogLevels));
    }

    [Fact]
    public void HostJson_FunctionTimeout_IsMinusOneOrUnderADay()
    {
        using var host = ReadHost();

        Assert.Matches(FunctionTimeout(), host.RootElement.GetProperty("functionTimeout").GetString());
    }

    [Fact]
    public void LocalHost_QueueListener_RunsWithHostJsonQueueSettings()
    {
        using var host = ReadHost();
        var declared = host.RootElement.GetProperty("extensions").GetProperty("queues");
        using var app = LocalHostApp.Build(LocalHostApp.CreateBuilder([], WorkerContractTests.Settings()));
        var listeners = ActivatorUtilities.CreateInstance<LocalHost.Queues.QueueListeners>(app.Services, (IReadOnlyList<Type>)[typeof(LocalHost.Queues.QueueTriggers)]);
        using var listenerHost = listeners.Build();

        var options = listenerHost.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;

        Assert.Equal(declared.GetProperty("batchSize").GetInt32(), options.BatchSize);
        Assert.Equal(declared.GetProperty("newBatchThreshold").GetInt32(), options.NewBatchThreshold);
        Assert.Equal(declared.GetProperty("maxDequeueCount").GetInt32(), options.MaxDequeueCount);
        Assert.Equal(TimeSpan.Parse(declared.GetProperty("visibilityTimeout").GetString()!, CultureInfo.InvariantCulture), options.VisibilityTimeout);
        Assert.Equal(TimeSpan.Parse(declared.GetProperty("maxPollingInterval").GetString()!, CultureInfo.InvariantCulture), options.MaxPollingInterval);
        Assert.Equal(declared.GetProperty("messageEncoding").GetString(), options.MessageEncoding.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void HostSettings_AppSettingOverride_WinsOverHostJson_AsUnderTheFunctionsHost()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3" })
            .Build();

        var settings = HostSettings.Load(AppContext.BaseDirectory, configuration);

        Assert.Equal(3, settings.Queues.MaxDequeueCount);
        Assert.Equal("api", settings.RoutePrefix);
    }

    private static JsonDocument ReadHost() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));

    // queues-extension-v2: "^[0-9][0-9]:[0-9][0-9]:[0-9][0-9](?:\.[0-9]+)?$".
    [GeneratedRegex(@"^[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?$")]
    private static partial Regex QueueTimeSpan();

    // functionTimeout: -1 or hh:mm:ss below 24 hours.
    [GeneratedRegex(@"^(-1|(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])$")]
    private static partial Regex FunctionTimeout();
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessHub.Testing;

namespace ServerlessHub;

/// <summary>
/// What the published JSON schemas for Azure Functions say about our host.json and function.json files, restated as
/// our own checks so a bad edit fails here rather than at deployment. host.json facts come from the SchemaStore
/// host.json schema, definition "version-2" (json.schemastore.org/host.json); binding facts from the SchemaStore
/// function.json schema (json.schemastore.org/function.json), each binding against the definition for its type
/// ("bindingBase" plus "httpBinding", "timerTriggerBinding" or "queueBinding").
/// </summary>
public sealed partial class FunctionFilesTests
{
    private static readonly string AppFolder = Path.Combine(RepositoryRoot.Path, "functions", "ServerlessHub");

    // version-2 has additionalProperties: false, so any other top-level key is a violation.
    private static readonly HashSet<string> HostKeys =
    [
        "version", "extensionBundle", "aggregator", "functions", "functionTimeout", "healthMonitor", "languageWorker",
        "logging", "managedDependency", "retry", "customHandler", "singleton", "watchDirectories", "watchFiles",
        "extensions", "concurrency", "sendCanceledInvocationsToWorker",
    ];

    private static readonly HashSet<string> CustomHandlerKeys = ["description", "enableForwardingHttpRequest"];

    private static readonly HashSet<string> HttpExtensionKeys =
        ["routePrefix", "maxConcurrentRequests", "maxOutstandingRequests", "dynamicThrottlesEnabled", "hsts", "customHeaders"];

    private static readonly HashSet<string> QueuesExtensionKeys =
        ["maxPollingInterval", "visibilityTimeout", "batchSize", "maxDequeueCount", "newBatchThreshold", "messageEncoding"];

    private static readonly HashSet<string> MessageEncodings = ["base64", "none"];

    private static readonly HashSet<string> LogLevels = ["Critical", "Debug", "Error", "Information", "None", "Trace", "Warning"];

    private static readonly HashSet<string> HttpMethods = ["get", "post", "delete", "head", "patch", "put", "options", "trace"];

    public static TheoryData<string> Functions() =>
        new(Directory.EnumerateDirectories(AppFolder)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

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
    public void HostJson_CustomHandler_NamesTheHandlerExecutable()
    {
        using var host = ReadHost();
        var handler = host.RootElement.GetProperty("customHandler");

        Assert.All(handler.EnumerateObject(), p => Assert.Contains(p.Name, CustomHandlerKeys));
        var description = handler.GetProperty("description");
        // The schema only asks for a string; the Functions host starts this file, which the app's csproj names.
        Assert.Equal("ServerlessHub", description.GetProperty("defaultExecutablePath").GetString());
        if (description.TryGetProperty("arguments", out var arguments))
        {
            Assert.All(arguments.EnumerateArray(), a => Assert.Equal(JsonValueKind.String, a.ValueKind));
        }

        if (handler.TryGetProperty("enableForwardingHttpRequest", out var forwarding))
        {
            Assert.True(forwarding.ValueKind is JsonValueKind.True or JsonValueKind.False);
        }
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
        Assert.True(queues.GetProperty("maxDequeueCount").TryGetInt32(out _));
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

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionJson_Bindings_FollowTheSchemaForTheirType(string function)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppFolder, function, "function.json")));
        var bindings = document.RootElement.GetProperty("bindings");

        Assert.NotEmpty(bindings.EnumerateArray());
        Assert.All(bindings.EnumerateArray(), binding => Assert.Empty(Problems(binding)));
    }

    [Theory]
    [InlineData("""{ "type": "http", "direction": "out" }""", "name")]
    [InlineData("""{ "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "user" }""", "authLevel")]
    [InlineData("""{ "type": "httpTrigger", "direction": "in", "name": "req", "methods": ["GET"] }""", "methods")]
    [InlineData("""{ "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "0 * * * *" }""", "schedule")]
    [InlineData("""{ "type": "queueTrigger", "direction": "in", "name": "message" }""", "queueName")]
    [InlineData("""{ "type": "queueTrigger", "direction": "out", "name": "message", "queueName": "q" }""", "direction")]
    public void Problems_BindingAgainstItsSchema_NamesTheOffendingProperty(string binding, string property)
    {
        using var document = JsonDocument.Parse(binding);

        Assert.Contains(Problems(document.RootElement), p => p.StartsWith(property, StringComparison.Ordinal));
    }

    private static JsonDocument ReadHost() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));

    private static List<string> Problems(JsonElement binding)
    {
        var problems = new List<string>();
        // bindingBase: name, type and direction are required strings; direction is in, out or inout.
        foreach (var required in new[] { "name", "type", "direction" })
        {
            if (!binding.TryGetProperty(required, out var value) || value.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{required} is required and must be a string");
            }
        }

        var type = Text(binding, "type");
        var direction = Text(binding, "direction");
        if (direction is not null && direction is not ("in" or "out" or "inout"))
        {
            problems.Add($"direction '{direction}' is not in, out or inout");
        }

        switch (type)
        {
            case "httpTrigger":
                Expect(direction == "in", "direction of an httpTrigger must be in");
                var authLevel = Text(binding, "authLevel");
                Expect(authLevel is null or "anonymous" or "function" or "admin", $"authLevel '{authLevel}' is not anonymous, function or admin");
                if (binding.TryGetProperty("methods", out var methods))
                {
                    Expect(methods.ValueKind == JsonValueKind.Array && methods.EnumerateArray().All(m => m.ValueKind == JsonValueKind.String && HttpMethods.Contains(m.GetString()!)),
                        "methods must be lower-case HTTP verbs");
                }

                Expect(!binding.TryGetProperty("route", out var route) || route.ValueKind == JsonValueKind.String, "route must be a string");
                break;
            case "http":
                Expect(direction == "out", "direction of an http output must be out");
                break;
            case "timerTrigger":
                Expect(direction == "in", "direction of a timerTrigger must be in");
                // The schema describes the format '{second} {minute} {hour} {day} {month} {day of week}'.
                Expect(Text(binding, "schedule")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6, "schedule must be a six-field NCRONTAB expression");
                foreach (var flag in new[] { "runOnStartup", "useMonitor" })
                {
                    Expect(!binding.TryGetProperty(flag, out var value) || value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{flag} must be a boolean");
                }

                break;
            case "queueTrigger" or "queue":
                Expect(direction == (type == "queueTrigger" ? "in" : "out"), $"direction of a {type} must be {(type == "queueTrigger" ? "in" : "out")}");
                // The schema types queueName without requiring it; the Functions host cannot listen without one.
                Expect(Text(binding, "queueName") is { Length: > 0 }, "queueName is required");
                Expect(!binding.TryGetProperty("connection", out var connection) || connection.ValueKind == JsonValueKind.String, "connection must be a string");
                break;
            default:
                problems.Add($"type '{type}' is not a binding this app runs");
                break;
        }

        return problems;

        void Expect(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // queues-extension-v2: "^[0-9][0-9]:[0-9][0-9]:[0-9][0-9](?:\.[0-9]+)?$".
    [GeneratedRegex(@"^[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?$")]
    private static partial Regex QueueTimeSpan();

    // functionTimeout: -1 or hh:mm:ss below 24 hours.
    [GeneratedRegex(@"^(-1|(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])$")]
    private static partial Regex FunctionTimeout();
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessHub.Hosting;

/// <summary>
/// The parts of <c>host.json</c> the app and the local host read, with the Functions host's defaults where it omits
/// them: the HTTP route prefix and the queue-trigger settings (the outbound function must know its last attempt).
/// </summary>
public sealed record HostSettings(string RoutePrefix, QueueTriggerSettings Queues)
{
    /// <summary>The app settings that override host.json values, as under the Functions host (<c>AzureFunctionsJobHost__extensions__queues__batchSize</c>).</summary>
    public const string OverrideSection = "AzureFunctionsJobHost";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Reads <c>host.json</c> beside the app, where the build and the publish put it, with the values that app settings
    /// under <see cref="OverrideSection"/> override.
    /// </summary>
    /// <exception cref="InvalidDataException">It is missing, not JSON, or holds a setting out of range.</exception>
    public static HostSettings Load(string folder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Path.Combine(folder, "host.json");
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"No host.json in '{folder}'.");
        }

        var overrides = configuration.GetSection(OverrideSection).AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null).ToList();
        try
        {
            // Without overrides the file is read as it is: the round trip through a mutable document is start-up time.
            var json = File.ReadAllBytes(path);
            using var document = JsonDocument.Parse(overrides.Count == 0 ? json : Overridden(json, overrides, path), Options);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Parse(document.RootElement)
                : throw new InvalidDataException($"{path} is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static byte[] Overridden(byte[] json, List<KeyValuePair<string, string?>> overrides, string path)
    {
        if (JsonNode.Parse(json, documentOptions: Options) is not JsonObject host)
        {
            throw new InvalidDataException($"{path} is not a JSON object.");
        }

        foreach (var setting in overrides)
        {
            Override(host, setting.Key.Split(':'), setting.Value!);
        }

        return Encoding.UTF8.GetBytes(host.ToJsonString());
    }

    private static void Override(JsonObject node, string[] path, string value)
    {
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (node[path[i]] is not JsonObject child)
            {
                child = [];
                node[path[i]] = child;
            }

            node = child;
        }

        node[path[^1]] = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
    }

    public static HostSettings Parse(JsonElement root)
    {
        var routePrefix = "api";
        var queues = QueueTriggerSettings.Default;
        if (root.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
        {
            if (extensions.TryGetProperty("http", out var http) && http.TryGetProperty("routePrefix", out var prefix) && prefix.ValueKind == JsonValueKind.String)
            {
                routePrefix = prefix.GetString()!.Trim('/');
            }

            if (extensions.TryGetProperty("queues", out var q) && q.ValueKind == JsonValueKind.Object)
            {
                queues = QueueTriggerSettings.Parse(q);
            }
        }

        return new HostSettings(routePrefix, queues);
    }
}

/// <summary>
/// Queue-trigger settings from <c>extensions.queues</c>, defaults as in the Functions queues extension
/// (QueuesOptions): batchSize 16 (1–32), newBatchThreshold batchSize/2, maxDequeueCount 5, visibilityTimeout 0,
/// maxPollingInterval 1 min (at least 100 ms).
/// </summary>
public sealed record QueueTriggerSettings(int BatchSize, int NewBatchThreshold, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval)
{
    public static readonly QueueTriggerSettings Default = new(16, 8, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1));

    public static QueueTriggerSettings Parse(JsonElement queues)
    {
        var batchSize = ReadInt(queues, "batchSize") ?? Default.BatchSize;
        if (batchSize is < 1 or > 32)
        {
            throw new InvalidDataException($"host.json extensions.queues.batchSize must be between 1 and 32, not {batchSize}.");
        }

        var maxDequeueCount = ReadInt(queues, "maxDequeueCount") ?? Default.MaxDequeueCount;
        if (maxDequeueCount < 1)
        {
            throw new InvalidDataException($"host.json extensions.queues.maxDequeueCount must be at least 1, not {maxDequeueCount}.");
        }

        var polling = ReadTimeSpan(queues, "maxPollingInterval") ?? Default.MaxPollingInterval;
        if (polling < TimeSpan.FromMilliseconds(100))
        {
            throw new InvalidDataException("host.json extensions.queues.maxPollingInterval must be at least 00:00:00.100.");
        }

        return new QueueTriggerSettings(
            batchSize,
            ReadInt(queues, "newBatchThreshold") ?? batchSize / 2,
            maxDequeueCount,
            ReadTimeSpan(queues, "visibilityTimeout") ?? Default.VisibilityTimeout,
            polling);
    }

    private static int? ReadInt(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static TimeSpan? ReadTimeSpan(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? TimeSpan.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;
}

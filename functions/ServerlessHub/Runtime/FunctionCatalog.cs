using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessHub.Runtime;

/// <summary>
/// The function app as its files describe it: <c>host.json</c> and every <c>&lt;Function&gt;/function.json</c> under
/// the script root. The single source of truth for triggers in both runtime modes.
/// </summary>
public sealed partial class FunctionCatalog
{
    private readonly Dictionary<string, FunctionDefinition> _functions;

    private FunctionCatalog(string scriptRoot, HostSettings host, Dictionary<string, FunctionDefinition> functions)
    {
        ScriptRoot = scriptRoot;
        Host = host;
        _functions = functions;
    }

    public string ScriptRoot { get; }

    public HostSettings Host { get; }

    public IEnumerable<FunctionDefinition> Functions => _functions.Values;

    public FunctionDefinition? Find(string name) => _functions.GetValueOrDefault(name);

    /// <summary>Reads the script root; <paramref name="setting"/> resolves <c>%Name%</c> references as the host does.</summary>
    /// <exception cref="InvalidDataException">A file is missing, malformed or declares an unsupported binding.</exception>
    public static FunctionCatalog Load(string scriptRoot, Func<string, string?> setting)
    {
        var hostPath = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(hostPath))
        {
            throw new InvalidDataException($"No host.json in the script root '{scriptRoot}'.");
        }

        var host = HostSettings.Parse(ReadJson(hostPath));
        var functions = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var directory in Directory.EnumerateDirectories(scriptRoot).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, "function.json");
            if (File.Exists(path))
            {
                var name = Path.GetFileName(directory);
                functions.Add(name, new FunctionDefinition(name, ParseTrigger(path, ReadJson(path), setting)));
            }
        }

        return new FunctionCatalog(scriptRoot, host, functions);
    }

    private static JsonElement ReadJson(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static FunctionTrigger ParseTrigger(string path, JsonElement root, Func<string, string?> setting)
    {
        if (!root.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path} has no 'bindings' array.");
        }

        var triggers = bindings.EnumerateArray()
            .Where(b => String(b, "type")?.EndsWith("Trigger", StringComparison.Ordinal) == true)
            .ToList();
        if (triggers.Count != 1)
        {
            throw new InvalidDataException($"{path} must declare exactly one trigger binding, not {triggers.Count}.");
        }

        var trigger = triggers[0];
        var name = String(trigger, "name") ?? throw new InvalidDataException($"{path}: the trigger binding has no 'name'.");
        return String(trigger, "type") switch
        {
            "httpTrigger" => new HttpTrigger(
                name,
                String(trigger, "route") ?? Path.GetFileName(Path.GetDirectoryName(path))!,
                trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : ["GET", "POST"],
                String(trigger, "authLevel") ?? "function"),
            "queueTrigger" => new QueueTrigger(
                name,
                Expand(path, String(trigger, "queueName") ?? throw new InvalidDataException($"{path}: queueTrigger needs 'queueName'."), setting),
                String(trigger, "connection") ?? "AzureWebJobsStorage"),
            "timerTrigger" => new TimerTrigger(
                name,
                Expand(path, String(trigger, "schedule") ?? throw new InvalidDataException($"{path}: timerTrigger needs 'schedule'."), setting),
                Bool(trigger, "runOnStartup") ?? false,
                Bool(trigger, "useMonitor") ?? true),
            var other => throw new InvalidDataException($"{path}: trigger type '{other}' is not supported by this handler."),
        };
    }

    private static string Expand(string path, string value, Func<string, string?> setting) =>
        SettingReference().Replace(value, m => setting(m.Groups[1].Value)
            ?? throw new InvalidDataException($"{path} refers to the app setting '{m.Groups[1].Value}', which is not set."));

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    [GeneratedRegex("%([A-Za-z0-9_:.-]+)%")]
    private static partial Regex SettingReference();
}

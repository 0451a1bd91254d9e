using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessHub.LocalHost.Functions;

/// <summary>A function of the worker app, as its <c>[Function]</c> method and trigger attribute declare it.</summary>
public abstract record WorkerFunction(string Name, MethodInfo Method);

/// <summary>An HTTP function: its route (without the host's prefix) and methods, upper case.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel) : WorkerFunction(Name, Method);

/// <summary>A queue function and its queue.</summary>
public sealed record QueueFunction(string Name, MethodInfo Method, string QueueName) : WorkerFunction(Name, Method);

/// <summary>A timer function and its 6-field NCRONTAB schedule (UTC).</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, string Schedule, bool UseMonitor) : WorkerFunction(Name, Method);

/// <summary>
/// The worker's functions as the Functions host finds them: in <c>functions.metadata</c>, which the worker SDK's
/// generator writes at build from the <c>[Function]</c> methods and their trigger attributes, naming each function's
/// entry point and trigger binding. The local host serves exactly these.
/// </summary>
/// <remarks>
/// Reading the file instead of scanning the app's types for the same attributes is what the Functions host does, and
/// it is cheaper at start-up: the scan loaded every exported type, its methods and the attribute types of the worker
/// extensions, which cost a published local host about 8 % of its first health answer on a two-core machine
/// (tests/ServerlessHub.Benchmarks/README.md, cold start).
/// </remarks>
public sealed class FunctionIndex
{
    /// <summary>The file the worker SDK generates beside the app's assembly.</summary>
    public const string MetadataFile = "functions.metadata";

    private static readonly Assembly App = typeof(ServerlessHubServices).Assembly;
    private static readonly string AppFile = $"{App.GetName().Name}.dll";

    private FunctionIndex(IReadOnlyList<WorkerFunction> functions) => Functions = functions;

    public IReadOnlyList<WorkerFunction> Functions { get; }

    public IEnumerable<HttpFunction> Http => Functions.OfType<HttpFunction>();

    public IEnumerable<QueueFunction> Queues => Functions.OfType<QueueFunction>();

    public IEnumerable<TimerFunction> Timers => Functions.OfType<TimerFunction>();

    /// <summary>
    /// The function app's functions from <c>functions.metadata</c> in <paramref name="directory"/>, and those of
    /// <paramref name="extraTypes"/>, found by their attributes (tests add their own).
    /// </summary>
    /// <exception cref="InvalidOperationException">The file is missing or names what the app does not have; a function
    /// has no trigger, two, or one this host does not run; two functions share a name.</exception>
    public static FunctionIndex Load(string directory, IEnumerable<Type> extraTypes)
    {
        var functions = Declared(Path.Combine(directory, MetadataFile));
        functions.AddRange(Attributed(extraTypes));
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new FunctionIndex(functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList())
            : throw new InvalidOperationException($"Two functions are named {duplicate.Key}.");
    }

    private static List<WorkerFunction> Declared(string path)
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidOperationException($"{path} is missing: the worker SDK writes it when the function app (functions/ServerlessHub) is built.", ex);
        }

        try
        {
            using var metadata = JsonDocument.Parse(json);
            return metadata.RootElement.EnumerateArray().Select(function => Declared(path, function)).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException)
        {
            throw new InvalidOperationException($"{path} is not a functions.metadata file as the worker SDK writes it: {ex.Message}", ex);
        }
    }

    private static WorkerFunction Declared(string path, JsonElement function)
    {
        var name = function.GetProperty("name").GetString()!;
        var scriptFile = function.GetProperty("scriptFile").GetString();
        if (!string.Equals(scriptFile, AppFile, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{path}: function {name} is in {scriptFile}, not in the app's {AppFile}.");
        }

        var entryPoint = function.GetProperty("entryPoint").GetString()!;
        var split = entryPoint.LastIndexOf('.');
        var method = split > 0 && App.GetType(entryPoint[..split]) is { } type
            ? type.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            : null;
        if (method is null)
        {
            throw new InvalidOperationException($"{path}: function {name}'s entry point {entryPoint} is not a public method of the app.");
        }

        var triggers = function.GetProperty("bindings").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .ToList();
        return triggers switch
        {
            [var http] when http.GetProperty("type").GetString() == "httpTrigger" => new HttpFunction(name, method,
                http.TryGetProperty("route", out var route) ? route.GetString()! : name,
                http.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : ["GET", "POST"],
                Enum.Parse<AuthorizationLevel>(http.GetProperty("authLevel").GetString()!, ignoreCase: true)),
            [var queue] when queue.GetProperty("type").GetString() == "queueTrigger" => new QueueFunction(name, method, queue.GetProperty("queueName").GetString()!),
            [var timer] when timer.GetProperty("type").GetString() == "timerTrigger" => new TimerFunction(name, method, timer.GetProperty("schedule").GetString()!,
                !timer.TryGetProperty("useMonitor", out var useMonitor) || useMonitor.GetBoolean()),
            _ => throw NoTrigger(name, method),
        };
    }

    private static IEnumerable<WorkerFunction> Attributed(IEnumerable<Type> types)
    {
        foreach (var method in types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            var triggers = method.GetParameters()
                .SelectMany(p => p.GetCustomAttributes().Where(a => a is HttpTriggerAttribute or QueueTriggerAttribute or TimerTriggerAttribute))
                .ToList();
            yield return triggers switch
            {
                [HttpTriggerAttribute http] => new HttpFunction(function.Name, method, http.Route ?? function.Name,
                    (http.Methods ?? ["GET", "POST"]).Select(m => m.ToUpperInvariant()).ToList(), http.AuthLevel),
                [QueueTriggerAttribute queue] => new QueueFunction(function.Name, method, queue.QueueName),
                [TimerTriggerAttribute timer] => new TimerFunction(function.Name, method, timer.Schedule, timer.UseMonitor),
                _ => throw NoTrigger(function.Name, method),
            };
        }
    }

    private static InvalidOperationException NoTrigger(string name, MethodInfo method) =>
        new($"Function {name} ({method.DeclaringType}.{method.Name}) must have exactly one HTTP, queue or timer trigger.");
}

using System.Reflection;
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
/// The worker's functions, found the way the worker SDK's metadata generator finds them: public methods with
/// <c>[Function]</c> on public classes, each with one trigger parameter. The local host serves exactly these; a
/// contract test holds them to the generated <c>functions.metadata</c>.
/// </summary>
public sealed class FunctionIndex
{
    private FunctionIndex(IReadOnlyList<WorkerFunction> functions) => Functions = functions;

    public IReadOnlyList<WorkerFunction> Functions { get; }

    public IEnumerable<HttpFunction> Http => Functions.OfType<HttpFunction>();

    public IEnumerable<QueueFunction> Queues => Functions.OfType<QueueFunction>();

    public IEnumerable<TimerFunction> Timers => Functions.OfType<TimerFunction>();

    /// <summary>The function app's functions, and those of <paramref name="extraTypes"/> (tests add their own).</summary>
    /// <exception cref="InvalidOperationException">A function has no trigger, two, or one this host does not run.</exception>
    public static FunctionIndex Of(IEnumerable<Type> extraTypes)
    {
        var types = typeof(ServerlessHubServices).Assembly.GetExportedTypes().Concat(extraTypes);
        var functions = new List<WorkerFunction>();
        foreach (var method in types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            var triggers = method.GetParameters()
                .SelectMany(p => p.GetCustomAttributes().Where(a => a is HttpTriggerAttribute or QueueTriggerAttribute or TimerTriggerAttribute))
                .ToList();
            functions.Add(triggers switch
            {
                [HttpTriggerAttribute http] => new HttpFunction(function.Name, method, http.Route ?? function.Name,
                    (http.Methods ?? ["GET", "POST"]).Select(m => m.ToUpperInvariant()).ToList(), http.AuthLevel),
                [QueueTriggerAttribute queue] => new QueueFunction(function.Name, method, queue.QueueName),
                [TimerTriggerAttribute timer] => new TimerFunction(function.Name, method, timer.Schedule, timer.UseMonitor),
                _ => throw new InvalidOperationException($"Function {function.Name} ({method.DeclaringType}.{method.Name}) must have exactly one HTTP, queue or timer trigger."),
            });
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new FunctionIndex(functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList())
            : throw new InvalidOperationException($"Two functions are named {duplicate.Key}.");
    }
}

using System.Text.Json;

namespace ServerlessHub.Runtime.Invocation;

/// <summary>
/// One invocation of a queue or timer function, whichever runtime mode delivered it: the trigger's value, the
/// metadata the host sends, and the log lines the function writes, which go back in the response's <c>Logs</c>.
/// </summary>
public sealed class FunctionInvocation(FunctionDefinition function, string invocationId, JsonElement triggerValue, IReadOnlyDictionary<string, JsonElement> metadata)
{
    private readonly List<string> _logs = [];

    public FunctionDefinition Function { get; } = function;

    public string InvocationId { get; } = invocationId;

    public JsonElement TriggerValue { get; } = triggerValue;

    public IReadOnlyDictionary<string, JsonElement> Metadata { get; } = metadata;

    public IReadOnlyList<string> Logs => _logs;

    /// <summary>Adds a line to the invocation's log, returned to the host; never put report contents or secrets here.</summary>
    public void Log(string line)
    {
        lock (_logs)
        {
            _logs.Add(line);
        }
    }
}

/// <summary>A queue or timer function's code. Throwing fails the invocation (non-2xx): the host retries or poisons.</summary>
public interface IFunctionHandler
{
    /// <returns>The function's return value, or null.</returns>
    Task<JsonElement?> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken);
}

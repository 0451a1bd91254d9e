using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace ServerlessHub.Faults;

/// <summary>
/// An app's log lines at Information and above, for a test to wait on: an event by name, or the moment no queue
/// function invocation is under way (read from the WebJobs SDK's own lines, <c>Executing 'X' (…, Id=…)</c> and
/// <c>Executed 'X' (…, Id=…)</c>).
/// </summary>
internal sealed partial class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _events = new();

    /// <summary>Queue function invocations started and not yet finished.</summary>
    public int RunningInvocations => _running.Count;

    /// <summary>How many lines had the event name <paramref name="name"/>.</summary>
    public int Count(string name) => _events.Count(e => e == name);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Observe(EventId id, string? message)
    {
        if (id.Name is { } name)
        {
            _events.Enqueue(name);
        }

        if (message is null || Invocation().Match(message) is not { Success: true } match)
        {
            return;
        }

        if (match.Groups["verb"].Value == "Executing")
        {
            _running[match.Groups["id"].Value] = match.Groups["function"].Value;
        }
        else
        {
            _running.TryRemove(match.Groups["id"].Value, out _);
        }
    }

    [GeneratedRegex(@"^(?<verb>Executing|Executed) '(?<function>[^']+)' \(.*Id=(?<id>[0-9a-f-]{36})")]
    private static partial Regex Invocation();

    private sealed class Logger(CapturedLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Observe(eventId, formatter(state, exception));
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace ServerlessHub;

/// <summary>One captured log line: its message, then every structured value and the exception.</summary>
internal sealed record LogLine(string Category, EventId EventId, LogLevel Level, string Text);

/// <summary>
/// An app's log lines at Information and above, for a test to read or wait on: an event by name, or the moment no
/// queue function invocation is under way (from the WebJobs SDK's own <c>Executing 'X' (…, Id=…)</c> and
/// <c>Executed 'X' (…, Id=…)</c> lines).
/// </summary>
internal sealed partial class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IEnumerable<LogLine> Lines => _lines;

    /// <summary>Queue function invocations started and not yet finished.</summary>
    public int RunningInvocations
    {
        get
        {
            var running = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in _lines)
            {
                if (Invocation().Match(line.Text) is not { Success: true } match)
                {
                    continue;
                }

                if (match.Groups["verb"].Value == "Executing")
                {
                    running.Add(match.Groups["id"].Value);
                }
                else
                {
                    running.Remove(match.Groups["id"].Value);
                }
            }

            return running.Count;
        }
    }

    /// <summary>How many lines had the event name <paramref name="name"/>.</summary>
    public int Count(string name) => _lines.Count(l => l.EventId.Name == name);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    [GeneratedRegex(@"^(?<verb>Executing|Executed) '[^']+' \(.*?Id=(?<id>[0-9a-f-]{36})")]
    private static partial Regex Invocation();

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = new StringBuilder(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            text.Append(" | ").Append(exception);
            lines.Enqueue(new LogLine(category, eventId, logLevel, text.ToString()));
        }
    }
}

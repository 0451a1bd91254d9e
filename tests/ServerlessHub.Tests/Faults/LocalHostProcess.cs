using System.Collections.Concurrent;
using System.Diagnostics;

namespace ServerlessHub.Faults;

/// <summary>
/// The local host (ServerlessHub.LocalHost.dll, built beside the tests) run as a process of its own, so a test can kill
/// it as the operating system would.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalHostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string Tail => string.Join('\n', _output);

    /// <summary>Starts the local host with <paramref name="settings"/> as environment variables, in an empty directory.</summary>
    public static LocalHostProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ServerlessHub.LocalHost.dll"), "--urls", "http://127.0.0.1:0" },
            // No local.settings.json or hub files of a developer's are picked up.
            WorkingDirectory = Directory.CreateTempSubdirectory("localhost-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new LocalHostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."));
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, whatever was in flight stays where it was.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServerlessHub.Benchmarks.ColdStart;

/// <summary>Starts a published app once and times it from <see cref="Process.Start()"/> to the first 200 on health.</summary>
/// <param name="cpus">The CPU list that confines the app (<c>taskset -c</c>), or <see langword="null"/> for every CPU.</param>
internal sealed class StartupProbe(HttpClient http, IReadOnlyDictionary<string, string> environment, string? cpus)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    // A short pause between attempts keeps the poller from competing for the CPU with the app it is timing; it
    // bounds the measurement's resolution at about this much.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    public async Task<StartupSample> MeasureAsync(PublishedApp app, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var health = new Uri($"http://127.0.0.1:{port}/api/health");
        // taskset replaces itself with the app, so the process started is the app, confined from its first instruction.
        var start = new ProcessStartInfo(cpus is null ? app.Executable : "taskset")
        {
            WorkingDirectory = app.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add(app.Executable);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");

        var output = new OutputTail();
        var clock = new Stopwatch();
        var listeningTicks = -1L;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            if (line.Data.Contains("Now listening on", StringComparison.Ordinal))
            {
                Interlocked.CompareExchange(ref listeningTicks, clock.Elapsed.Ticks, -1L);
            }

            output.Add(line.Data);
        };
        process.ErrorDataReceived += (_, line) => output.Add(line.Data);

        TimeSpan healthy;
        clock.Start();
        process.Start();
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            while (true)
            {
                if (await AnswersOkAsync(health, cancellationToken))
                {
                    healthy = clock.Elapsed;
                    break;
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{app.Label} exited with {process.ExitCode} before it was healthy:\n{output}");
                }

                if (clock.Elapsed > GiveUpAfter)
                {
                    throw new TimeoutException($"{app.Label} was not healthy within {GiveUpAfter.TotalSeconds:0} s:\n{output}");
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            // Also waits for the output to drain, so the "listening" line has been seen if it was written.
            await process.WaitForExitAsync(CancellationToken.None);
        }

        var listening = Interlocked.Read(ref listeningTicks);
        return new StartupSample(listening < 0 ? null : TimeSpan.FromTicks(listening), healthy);
    }

    private async Task<bool> AnswersOkAsync(Uri health, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(health, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The last lines an app wrote, to explain a failed run.</summary>
    private sealed class OutputTail
    {
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > 40)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }
}

using System.Diagnostics;

namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>What an open-loop run measured: latency of each request from its scheduled instant, and failures.</summary>
internal sealed record OpenLoadResult(double[] Latencies, int Failures, TimeSpan Elapsed);

/// <summary>
/// Open-loop load: request i is sent at start + i × interval whatever the earlier ones are doing, and its latency is
/// measured from that scheduled instant, so a slow response delays no later request and hides no queueing
/// (no coordinated omission). Lateness of the sender itself counts against the request, as a client would see it.
/// </summary>
internal static class OpenLoad
{
    public static async Task<OpenLoadResult> RunAsync(int count, TimeSpan interval, Func<int, CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var failures = 0;
        var inFlight = new Task[count];
        var start = Stopwatch.GetTimestamp();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var next = 0;
        while (next < count)
        {
            var now = Stopwatch.GetElapsedTime(start);
            for (; next < count && next * interval <= now; next++)
            {
                inFlight[next] = SendAsync(next, start + (long)(next * interval.TotalSeconds * Stopwatch.Frequency));
            }

            if (next < count)
            {
                await tick.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        return new OpenLoadResult(latencies, failures, Stopwatch.GetElapsedTime(start));

        async Task SendAsync(int i, long scheduled)
        {
            bool ok;
            try
            {
                ok = await send(i, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                ok = false;
            }

            latencies[i] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }
}

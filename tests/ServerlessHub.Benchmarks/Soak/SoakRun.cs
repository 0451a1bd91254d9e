using ServerlessHub.Benchmarks.Measurement;

namespace ServerlessHub.Benchmarks.Soak;

/// <summary>What the soak recorded: each request's latency in milliseconds and its outcome, by index (request i was scheduled at
/// i × <paramref name="Interval"/>), the samples taken every <paramref name="SampleEvery"/>, and the errors by kind.</summary>
internal sealed record SoakRun(
    int Seconds, TimeSpan SampleEvery, TimeSpan Interval, double[] Milliseconds, bool[] Failed, IReadOnlyList<ProcessSample> Samples, IReadOnlyDictionary<string, int> Errors)
{
    /// <summary>The indices of the requests scheduled in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public Range Scheduled(TimeSpan from, TimeSpan to) => First(from)..First(to);

    public Latencies? LatenciesOf(Range requests) => Milliseconds.AsSpan(requests).IsEmpty ? null : Latencies.Of(Milliseconds[requests]);

    public int FailuresOf(Range requests) => Failed.AsSpan(requests).Count(true);

    /// <summary>
    /// The three samples taken nearest to <paramref name="at"/>, in time order: a sampler that falls behind under load
    /// (a sample late by seconds) still yields a point.
    /// </summary>
    public IReadOnlyList<ProcessSample> SamplesNear(TimeSpan at) =>
        [.. Samples.OrderBy(s => (s.At - at).Duration()).Take(3).OrderBy(s => s.At)];

    private int First(TimeSpan at) => Math.Clamp((int)Math.Ceiling(at / Interval), 0, Milliseconds.Length);
}

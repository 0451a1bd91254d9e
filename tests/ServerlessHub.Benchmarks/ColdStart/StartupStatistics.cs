namespace ServerlessHub.Benchmarks.ColdStart;

/// <summary>Order statistics of a set of start-up times, in milliseconds.</summary>
internal sealed record StartupStatistics(int Runs, double Min, double Median, double P90)
{
    public static StartupStatistics Of(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(times));
        }

        // Nearest rank: the smallest sample with at least 90 % of the samples at or below it.
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
        return new StartupStatistics(sorted.Length, sorted[0], MedianOfSorted(sorted), p90);
    }

    public static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

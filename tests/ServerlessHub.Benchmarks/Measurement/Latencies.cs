namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>Order statistics of request latencies, in milliseconds (nearest-rank percentiles).</summary>
internal sealed record Latencies(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static Latencies Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(milliseconds));
        }

        return new Latencies(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double quantile) => sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}

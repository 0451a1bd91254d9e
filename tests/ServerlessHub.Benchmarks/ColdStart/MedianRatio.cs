namespace ServerlessHub.Benchmarks.ColdStart;

/// <summary>
/// The ratio of two apps' median start-up times, with a 95 % bootstrap interval: how far the ratio could move if the
/// same runs were repeated on this machine.
/// </summary>
internal sealed record MedianRatio(double Value, double Low, double High)
{
    private const int Resamples = 4000;

    /// <param name="pairs">One (baseline, measured) pair per run; the two of a pair ran one after the other.</param>
    public static MedianRatio Of(IReadOnlyList<(double Baseline, double Measured)> pairs)
    {
        if (pairs.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(pairs));
        }

        var value = Ratio(pairs.Select(p => p.Baseline).ToArray(), pairs.Select(p => p.Measured).ToArray());

        // Pairs are resampled whole, so a busy moment that slowed both apps of a pair stays one observation.
        var random = new Random(20261122);
        var baseline = new double[pairs.Count];
        var measured = new double[pairs.Count];
        var ratios = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                (baseline[i], measured[i]) = pairs[random.Next(pairs.Count)];
            }

            ratios[r] = Ratio(baseline, measured);
        }

        Array.Sort(ratios);
        return new MedianRatio(value, ratios[(int)(0.025 * Resamples)], ratios[(int)(0.975 * Resamples) - 1]);
    }

    private static double Ratio(double[] baseline, double[] measured)
    {
        Array.Sort(baseline);
        Array.Sort(measured);
        return StartupStatistics.MedianOfSorted(measured) / StartupStatistics.MedianOfSorted(baseline);
    }
}

namespace ServerlessHub.Benchmarks.Delivery;

/// <summary>
/// How a series of sends to one robot kept to a limit of <c>limit</c> per rolling window. In steady state a sender at
/// exactly the limit sends message n + limit one window after message n, so the span of limit + 1 consecutive sends
/// is the measure: never shorter than the window (never above the limit), and on average close to it.
/// </summary>
internal sealed record RobotPacing(int MostInWindow, TimeSpan ShortestSpan, TimeSpan MeanSpan, double AchievedPerWindow)
{
    public static RobotPacing Of(IReadOnlyList<DateTimeOffset> arrivals, int limit, TimeSpan window)
    {
        if (arrivals.Count <= limit)
        {
            throw new ArgumentException($"Need more than {limit} arrivals to see the limit.", nameof(arrivals));
        }

        var most = 0;
        for (int first = 0, last = 0; first < arrivals.Count; first++)
        {
            while (last < arrivals.Count && arrivals[last] - arrivals[first] < window)
            {
                last++;
            }

            most = Math.Max(most, last - first);
        }

        var spans = Enumerable.Range(0, arrivals.Count - limit).Select(i => arrivals[i + limit] - arrivals[i]).ToList();
        var mean = TimeSpan.FromTicks((long)spans.Average(s => s.Ticks));
        return new RobotPacing(most, spans.Min(), mean, limit * (window / mean));
    }
}

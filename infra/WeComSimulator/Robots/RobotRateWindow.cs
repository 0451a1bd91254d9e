namespace ServerlessHub.WeCom.Simulation.Robots;

/// <summary>WeCom's robot limit: a number of messages per key in any rolling minute (20 by default; the window is an option).</summary>
public sealed class RobotRateWindow(WeComSimulatorOptions options, TimeProvider timeProvider)
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> sentByKey = new(StringComparer.Ordinal);

    internal bool TryAdmit(string key)
    {
        var now = timeProvider.GetUtcNow();
        lock (sync)
        {
            if (!sentByKey.TryGetValue(key, out var sent))
            {
                sentByKey[key] = sent = new Queue<DateTimeOffset>();
            }

            while (sent.Count > 0 && sent.Peek() <= now - options.RobotRateWindow)
            {
                sent.Dequeue();
            }

            if (sent.Count >= options.RobotMessagesPerMinute)
            {
                return false;
            }

            sent.Enqueue(now);
            return true;
        }
    }
}

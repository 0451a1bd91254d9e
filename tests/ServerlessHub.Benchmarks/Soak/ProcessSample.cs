using System.Globalization;

namespace ServerlessHub.Benchmarks.Soak;

/// <summary>
/// This process's memory and collections at one instant of the soak, and the work still queued behind the answers.
/// </summary>
/// <param name="At">Time since the soak started.</param>
/// <param name="RssBytes">Resident set size: <c>VmRSS</c> of <c>/proc/self/status</c>, else <see cref="Environment.WorkingSet"/>.</param>
/// <param name="HeapBytes">The managed heap with its garbage (<see cref="GC.GetTotalMemory(bool)"/> without collecting).</param>
/// <param name="HeapAfterGcBytes">The managed heap as the last collection left it (<see cref="GCMemoryInfo.HeapSizeBytes"/>).</param>
/// <param name="Collections">Collections of generations 0, 1 and 2 since the process started.</param>
/// <param name="Queued">Messages in the inbound and outbound queues, when triggers run.</param>
internal sealed record ProcessSample(TimeSpan At, long RssBytes, long HeapBytes, long HeapAfterGcBytes, int[] Collections, QueueDepths? Queued)
{
    public static ProcessSample Take(TimeSpan at, QueueDepths? queued) => new(
        at, Rss(), GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes,
        [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)], queued);

    private static long Rss()
    {
        const string Path = "/proc/self/status";
        if (File.Exists(Path))
        {
            foreach (var line in File.ReadLines(Path))
            {
                // "VmRSS:	  123456 kB"
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return Environment.WorkingSet;
    }
}

/// <summary>Messages waiting in the inbound queue (callbacks not yet processed) and the outbound queue (replies not yet sent).</summary>
internal readonly record struct QueueDepths(int Inbound, int Outbound)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Inbound} / {Outbound}");
}

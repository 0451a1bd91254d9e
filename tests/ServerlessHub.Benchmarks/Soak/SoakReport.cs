using System.Globalization;
using System.Text;

namespace ServerlessHub.Benchmarks.Soak;

/// <summary>The soak's two Markdown tables: the samples over time, and the summary with its checks.</summary>
internal static class SoakReport
{
    /// <summary>RSS may grow by less than this share of its value at half time over the second half.</summary>
    public const double LevelledOffGrowth = 0.10;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly TimeSpan Edge = TimeSpan.FromSeconds(10);

    public static string Samples(SoakRun run)
    {
        var report = new StringBuilder();
        report.AppendLine("| Time (s) | RSS (MiB) | Heap (MiB) | Heap after last GC (MiB) | Gen0 | Gen1 | Gen2 | Requests | Errors | p50 (ms) | p99 (ms) | Queued (inbound / outbound) |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        ProcessSample? previous = null;
        foreach (var sample in run.Samples)
        {
            report.Append(C, $"| {sample.At.TotalSeconds:0.0} | {MiB(sample.RssBytes)} | {MiB(sample.HeapBytes)} | {MiB(sample.HeapAfterGcBytes)} | ");
            if (previous is null)
            {
                report.Append("– | – | – | – | – | – | – | ");
            }
            else
            {
                var window = run.Scheduled(sample.At - run.SampleEvery, sample.At);
                var latency = run.LatenciesOf(window);
                report.Append(C, $"{Collections(previous, sample, 0)} | {Collections(previous, sample, 1)} | {Collections(previous, sample, 2)} | ");
                report.Append(C, $"{window.GetOffsetAndLength(run.Milliseconds.Length).Length} | {run.FailuresOf(window)} | {latency?.P50:0.0} | {latency?.P99:0.0} | ");
            }

            report.AppendLine(C, $"{sample.Queued?.ToString() ?? "–"} |");
            previous = sample;
        }

        report.AppendLine();
        report.AppendLine("Each row: memory at that instant; collections since the row before; the requests scheduled since the row before, their errors and latency.");
        return report.ToString();
    }

    /// <summary>
    /// The summary table; <paramref name="passed"/> when there were no errors and, if <paramref name="actOnLevelling"/>,
    /// RSS levelled off. A quick run's 20 s are too short to tell: memory may still be settling after the warm-up.
    /// </summary>
    public static string Summary(SoakRun run, IReadOnlyDictionary<string, int> capacityErrors, bool actOnLevelling, out bool passed)
    {
        var end = TimeSpan.FromSeconds(run.Seconds);
        var half = end / 2;
        var first = run.Samples[0];
        var last = run.Samples[^1];

        // One sample moves by ±10–20 MiB as collections come and go, so each point is the mean of three samples.
        var early = new SampleMean(run.SamplesNear(Edge));
        var middle = new SampleMean(run.SamplesNear(half));
        var final = new SampleMean(run.SamplesNear(end - run.SampleEvery));
        var secondHalfGrowth = (final.Rss - middle.Rss) / middle.Rss;
        var levelled = secondHalfGrowth < LevelledOffGrowth;
        var errors = run.Errors.Values.Sum();
        var allErrors = errors + capacityErrors.Values.Sum();
        passed = (levelled || !actOnLevelling) && allErrors == 0;

        var start = run.LatenciesOf(run.Scheduled(TimeSpan.Zero, Edge))!;
        var whole = run.LatenciesOf(..)!;
        var finish = run.LatenciesOf(run.Scheduled(end - Edge, end))!;

        var report = new StringBuilder();
        report.AppendLine("| Measure | Value | Check |");
        report.AppendLine("|---|---|---|");
        report.AppendLine(C, $"| RSS around 10 s ({early}) → at the end ({final}) | {MiB(early.Rss)} → {MiB(final.Rss)} MiB ({Change(early.Rss, final.Rss)}) | – |");
        report.AppendLine(C, $"| RSS over the second half ({middle} → {final}) | {MiB(middle.Rss)} → {MiB(final.Rss)} MiB ({Change(middle.Rss, final.Rss)}) | < {LevelledOffGrowth:P0}: **{(levelled ? "met" : "not met")}**{(actOnLevelling ? "" : " (not acted on in a quick run)")} |");
        report.AppendLine(C, $"| Heap after last GC around 10 s → at the end | {MiB(early.HeapAfterGc)} → {MiB(final.HeapAfterGc)} MiB | – |");
        report.AppendLine(C, $"| Collections during the soak (gen0 / gen1 / gen2) | {Collections(first, last, 0)} / {Collections(first, last, 1)} / {Collections(first, last, 2)} | – |");
        report.AppendLine(C, $"| Errors: soak (capacity phase) | {errors} ({allErrors - errors}) | = 0: **{(allErrors == 0 ? "met" : "not met")}** |");
        report.AppendLine(C, $"| p50: first 10 s / whole soak / last 10 s (ms) | {start.P50:0.0} / {whole.P50:0.0} / {finish.P50:0.0} | ratio to the first 10 s: whole **{whole.P50 / start.P50:0.00}**, last 10 s **{finish.P50 / start.P50:0.00}** |");
        report.AppendLine(C, $"| p99: first 10 s / whole soak / last 10 s (ms) | {start.P99:0.0} / {whole.P99:0.0} / {finish.P99:0.0} | ratio to the first 10 s: whole **{whole.P99 / start.P99:0.00}**, last 10 s **{finish.P99 / start.P99:0.00}** |");
        report.AppendLine();
        foreach (var (phase, tally) in new[] { ("Soak", run.Errors), ("Capacity phase", capacityErrors) })
        {
            if (tally.Count > 0)
            {
                report.AppendLine(C, $"{phase} errors by kind: {string.Join(", ", tally.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} × {e.Value}"))}.");
                report.AppendLine();
            }
        }

        report.AppendLine(passed
            ? $"Check passed: no errors{(levelled ? ", and RSS levelled off" : "")}."
            : $"Check **failed**:{(allErrors > 0 ? " there were errors;" : "")}{(levelled ? "" : " RSS did not level off;")}".TrimEnd(';') + ".");
        return report.ToString();
    }

    private static string MiB(double bytes) => (bytes / 1048576.0).ToString("0.0", C);

    private static string Change(double from, double to) =>
        string.Create(C, $"{(to - from) / 1048576.0:+0.0;-0.0;0.0} MiB, {(to - from) / from:+0.0%;-0.0%;0.0%}");

    private static int Collections(ProcessSample from, ProcessSample to, int generation) => to.Collections[generation] - from.Collections[generation];

    /// <summary>The mean memory of a few consecutive samples, named by their times.</summary>
    private sealed class SampleMean(IReadOnlyList<ProcessSample> samples)
    {
        public double Rss { get; } = samples.Average(s => (double)s.RssBytes);

        public double HeapAfterGc { get; } = samples.Average(s => (double)s.HeapAfterGcBytes);

        public override string ToString() =>
            string.Create(C, $"samples {samples[0].At.TotalSeconds:0}–{samples[^1].At.TotalSeconds:0} s");
    }
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace ServerlessHub.MicroBenchmarks;

/// <summary>How the micro-benchmarks run: one job, in this process, with progress on stderr.</summary>
internal static class MicroBenchmarkConfig
{
    /// <summary>Where BenchmarkDotNet writes its log and artifacts: outside the checkout.</summary>
    public static string ArtifactsPath { get; } = Path.Combine(Path.GetTempPath(), "serverlesshub-microbenchmarks");

    /// <summary>
    /// The full job takes 4 warm-up and 12 measured iterations of 250 ms each, so the 29 benchmarks finish within
    /// about five minutes; the quick job is BenchmarkDotNet's ShortRun (3 and 3) with 100 ms iterations, a smoke run
    /// whose figures are rough.
    /// </summary>
    public static IConfig Create(bool quick)
    {
        var job = quick
            ? Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(100)).WithId("Quick")
            : Job.Default.WithWarmupCount(4).WithIterationCount(12).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("Full");

        // In process, not BenchmarkDotNet's default of a generated project built per run: that build would compile the
        // function app's whole project graph again (minutes on this 2-core machine, and a package restore), while
        // bench.sh runs every benchmark with --no-build. The price is that the host's runtime settings (GC mode,
        // the startup switches of StartupSwitches.props) are the benchmarks' too, as they are the app's.
        return ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddLogger(new WriterLogger(Console.Error))
            .WithArtifactsPath(ArtifactsPath);
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ServerlessHub.Runtime;
using ServerlessHub.Testing;

namespace ServerlessHub.Benchmarks.ColdStart;

/// <summary>
/// Cold start of the published function app against a bare ASP.NET Core app, measured in the same run: both are
/// published alike, then started alternately (bare, hub, bare, hub…) so drift in machine load hits both equally.
/// </summary>
internal static class ColdStartCommand
{
    private const double Goal = 1.3;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ColdStartOptions options;
        try
        {
            options = ColdStartOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var workspace = Directory.CreateTempSubdirectory("serverlesshub-coldstart-");
        try
        {
            Console.WriteLine($"Publishing both apps ({Settings(options)}) into {workspace.FullName}…");
            foreach (var (name, value) in options.Environment)
            {
                Console.WriteLine($"Environment for both apps: {name}={value}");
            }

            if (options.Cpus is not null)
            {
                Console.WriteLine($"Both apps confined to CPUs {options.Cpus} (taskset -c).");
            }

            var bare = await PublishedApp.PublishAsync(
                "Bare ASP.NET Core", Project("tests", "ServerlessHub.Benchmarks.BareApp"), "ServerlessHub.Benchmarks.BareApp", isFunctionApp: false,
                workspace.FullName, options.PublishProperties, cancel.Token);
            var hub = await PublishedApp.PublishAsync(
                "ServerlessHub", Project("functions", "ServerlessHub"), "ServerlessHub", isFunctionApp: true,
                workspace.FullName, options.PublishProperties, cancel.Token);

            Console.WriteLine("Starting Azurite…");
            await using var azurite = await Azurite.StartAsync(cancel.Token);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var environment = new Dictionary<string, string>(options.Environment) { [RuntimeServices.StorageSetting] = azurite.ConnectionString };
            var probe = new StartupProbe(http, environment, options.Cpus);

            var samples = new Dictionary<PublishedApp, List<StartupSample>> { [bare] = [], [hub] = [] };
            for (var run = 0; run < options.Warmup + options.Iterations; run++)
            {
                foreach (var app in new[] { bare, hub })
                {
                    var sample = await probe.MeasureAsync(app, cancel.Token);
                    var measured = run >= options.Warmup;
                    if (measured)
                    {
                        samples[app].Add(sample);
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {(measured ? "run" : "warm-up")} {run + 1,2} {app.Label,-18} healthy {sample.Healthy.TotalMilliseconds,7:0.0} ms  listening {sample.Listening?.TotalMilliseconds,7:0.0} ms"));
                }
            }

            Console.WriteLine();
            Console.WriteLine(Report(options, bare, samples[bare], hub, samples[hub]));
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    private static string Project(string folder, string name) =>
        Path.Combine(RepositoryRoot.Path, folder, name, name + ".csproj");

    private static string Settings(ColdStartOptions options) =>
        string.Join(' ', PublishedApp.BaseSettings.Concat(options.PublishProperties.Select(p => $"-p:{p}")));

    private static string Report(ColdStartOptions options, PublishedApp bare, List<StartupSample> bareSamples, PublishedApp hub, List<StartupSample> hubSamples)
    {
        var bareHealthy = StartupStatistics.Of(bareSamples.Select(s => s.Healthy));
        var hubHealthy = StartupStatistics.Of(hubSamples.Select(s => s.Healthy));
        var ratio = MedianRatio.Of(bareSamples.Zip(hubSamples, (b, h) => (b.Healthy.TotalMilliseconds, h.Healthy.TotalMilliseconds)).ToList());
        var report = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        report.AppendLine(c, $"| App | Runs | Min (ms) | Median (ms) | P90 (ms) | Median to \"Now listening\" (ms) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (app, samples, stats) in new[] { (bare, bareSamples, bareHealthy), (hub, hubSamples, hubHealthy) })
        {
            var listening = samples.All(s => s.Listening is not null)
                ? StartupStatistics.Of(samples.Select(s => s.Listening!.Value)).Median.ToString("0", c)
                : "–";
            report.AppendLine(c, $"| {app.Label} | {stats.Runs} | {stats.Min:0} | {stats.Median:0} | {stats.P90:0} | {listening} |");
        }

        report.AppendLine();
        var verdict = ratio.High <= Goal ? "met" : ratio.Value <= Goal ? "met by the median, not by the whole interval" : "not met";
        report.AppendLine(c, $"Median ratio ServerlessHub / bare: **{ratio.Value:0.00}**, 95 % bootstrap interval {ratio.Low:0.00}–{ratio.High:0.00} (goal ≤ {Goal:0.0}: {verdict}).");
        report.AppendLine();
        var environment = options.Environment.Count == 0 ? "" : $"Environment: {string.Join(' ', options.Environment.Select(e => $"`{e.Key}={e.Value}`"))}. ";
        var cpus = options.Cpus is null ? "" : $"Both apps confined to CPUs {options.Cpus} (`taskset -c`); the benchmark and Azurite were not. ";
        report.AppendLine(c, $"Publish: `dotnet publish {Settings(options)}` for both apps. {environment}{cpus}" +
            $"{options.Warmup} warm-up + {options.Iterations} measured runs of each, interleaved. " +
            $".NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}.");
        return report.ToString();
    }
}

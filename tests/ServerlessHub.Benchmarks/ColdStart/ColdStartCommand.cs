using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ServerlessHub.Testing;

namespace ServerlessHub.Benchmarks.ColdStart;

/// <summary>
/// Cold start of the published local host against the bare app plus the storage check the health answer makes, and
/// against the bare ASP.NET Core app alone, measured in the same run: all three are published alike, then started in
/// turn (bare, check, local host, bare…) so drift in machine load hits each alike.
/// </summary>
internal static class ColdStartCommand
{
    /// <summary>Local host / storage-check app: what the local host and our code add on top of the check the health answer must make.</summary>
    private const double Goal = 1.15;

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
            Console.WriteLine($"Publishing the apps ({Settings(options)}) into {workspace.FullName}…");
            foreach (var (name, value) in options.Environment)
            {
                Console.WriteLine($"Environment for every app: {name}={value}");
            }

            if (options.Cpus is not null)
            {
                Console.WriteLine($"Every app confined to CPUs {options.Cpus} (taskset -c).");
            }

            var bare = await PublishedApp.PublishAsync(
                "Bare ASP.NET Core", Project("tests", "ServerlessHub.Benchmarks.BareApp"), "ServerlessHub.Benchmarks.BareApp",
                workspace.FullName, options.PublishProperties, cancel.Token);
            var storageCheck = await PublishedApp.PublishAsync(
                "Bare + storage check", Project("tests", "ServerlessHub.Benchmarks.StorageCheckApp"), "ServerlessHub.Benchmarks.StorageCheckApp",
                workspace.FullName, options.PublishProperties, cancel.Token);
            var localHost = await PublishedApp.PublishAsync(
                "Local host", Project("functions", "ServerlessHub.LocalHost"), "ServerlessHub.LocalHost",
                workspace.FullName, options.PublishProperties, cancel.Token);

            Console.WriteLine("Starting Azurite…");
            await using var azurite = await Azurite.StartAsync(cancel.Token);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var environment = new Dictionary<string, string>(options.Environment) { [ServerlessHubServices.StorageSetting] = azurite.ConnectionString };
            var probe = new StartupProbe(http, environment, options.Cpus);

            var samples = new Dictionary<PublishedApp, List<StartupSample>> { [bare] = [], [storageCheck] = [], [localHost] = [] };
            for (var run = 0; run < options.Warmup + options.Iterations; run++)
            {
                foreach (var app in new[] { bare, storageCheck, localHost })
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
            Console.WriteLine(Report(options, bare, storageCheck, localHost, samples));
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

    private static string Report(ColdStartOptions options, PublishedApp bare, PublishedApp storageCheck, PublishedApp localHost, Dictionary<PublishedApp, List<StartupSample>> samples)
    {
        var report = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        report.AppendLine(c, $"| App | Runs | Min (ms) | Median (ms) | P90 (ms) | Median to \"Now listening\" (ms) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var app in new[] { bare, storageCheck, localHost })
        {
            var stats = StartupStatistics.Of(samples[app].Select(s => s.Healthy));
            var listening = samples[app].All(s => s.Listening is not null)
                ? StartupStatistics.Of(samples[app].Select(s => s.Listening!.Value)).Median.ToString("0", c)
                : "–";
            report.AppendLine(c, $"| {app.Label} | {stats.Runs} | {stats.Min:0} | {stats.Median:0} | {stats.P90:0} | {listening} |");
        }

        report.AppendLine();
        var ratio = Ratio(samples[storageCheck], samples[localHost]);
        var verdict = ratio.High <= Goal ? "met" : ratio.Value <= Goal ? "met by the median, not by the whole interval" : "not met";
        report.AppendLine(c, $"Median ratio local host / bare + storage check (what the local host and our code add to the check): **{ratio.Value:0.00}**, " +
            $"95 % bootstrap interval {ratio.Low:0.00}–{ratio.High:0.00} (goal ≤ {Goal:0.00}: {verdict}).");
        var overBare = Ratio(samples[bare], samples[localHost]);
        var check = Ratio(samples[bare], samples[storageCheck]);
        report.AppendLine(c, $"Local host / bare: **{overBare.Value:0.00}** ({overBare.Low:0.00}–{overBare.High:0.00}); " +
            $"bare + storage check / bare (what the check costs): **{check.Value:0.00}** ({check.Low:0.00}–{check.High:0.00}).");
        report.AppendLine();
        var environment = options.Environment.Count == 0 ? "" : $"Environment: {string.Join(' ', options.Environment.Select(e => $"`{e.Key}={e.Value}`"))}. ";
        var cpus = options.Cpus is null ? "" : $"The apps confined to CPUs {options.Cpus} (`taskset -c`); the benchmark and Azurite were not. ";
        report.AppendLine(c, $"Publish: `dotnet publish {Settings(options)}` for every app. {environment}{cpus}" +
            $"{options.Warmup} warm-up + {options.Iterations} measured runs of each, interleaved. " +
            $".NET {Environment.Version}, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd}.");
        return report.ToString();
    }

    private static MedianRatio Ratio(List<StartupSample> baseline, List<StartupSample> measured) =>
        MedianRatio.Of(baseline.Zip(measured, (b, m) => (b.Healthy.TotalMilliseconds, m.Healthy.TotalMilliseconds)).ToList());
}

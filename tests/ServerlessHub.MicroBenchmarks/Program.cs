using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Running;
using ServerlessHub.MicroBenchmarks;

// Every benchmark class unless BenchmarkDotNet's own --filter says otherwise; --quick is ours (ShortRun).
var quick = args.Contains("--quick");
List<string> forwarded = [.. args.Where(a => a != "--quick")];
if (!forwarded.Contains("--filter"))
{
    forwarded.AddRange(["--filter", "*"]);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarkConfig).Assembly)
    .Run([.. forwarded], MicroBenchmarkConfig.Create(quick))
    .ToList();

var report = new WriterLogger(Console.Out);
foreach (var summary in summaries)
{
    report.WriteLine();
    MarkdownExporter.GitHub.ExportToLog(summary, report);
}

report.Flush();
return summaries.Count > 0 && summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success)) ? 0 : 1;

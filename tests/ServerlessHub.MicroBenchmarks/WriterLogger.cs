using BenchmarkDotNet.Loggers;

namespace ServerlessHub.MicroBenchmarks;

/// <summary>A BenchmarkDotNet logger onto a plain writer, without console colours: progress goes to stderr and the
/// report to stdout, so bench.sh's report (stdout from the first table row on) holds the tables alone.</summary>
internal sealed class WriterLogger(TextWriter writer) : ILogger
{
    public string Id => nameof(WriterLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text) => writer.Write(text);

    public void WriteLine() => writer.WriteLine();

    public void WriteLine(LogKind logKind, string text) => writer.WriteLine(text);

    public void Flush() => writer.Flush();
}

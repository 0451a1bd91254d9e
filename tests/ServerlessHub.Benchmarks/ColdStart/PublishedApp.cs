using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ServerlessHub.Benchmarks.ColdStart;

/// <summary>An app published by <c>dotnet publish -c Release</c> into a folder of its own.</summary>
internal sealed record PublishedApp(string Label, string Directory, string Executable)
{
    /// <summary>
    /// The settings every measured app is published with, before any <c>-p:</c> the caller adds (a later
    /// <c>-p:</c> wins): self-contained for this machine's runtime identifier, the runtime and the app precompiled
    /// into one composite ReadyToRun image. On the command line they are global properties, so they also override
    /// what a project sets itself (the worker project's <c>SelfContained=false</c>, which the local host references).
    /// Every app gets the same settings, so the ratios compare code, not packaging.
    /// </summary>
    public static IReadOnlyList<string> BaseSettings { get; } =
    [
        "-c", "Release", "--nologo", "-v:q", "-r", RuntimeInformation.RuntimeIdentifier,
        "-p:UseAppHost=true", "-p:SelfContained=true", "-p:PublishReadyToRun=true", "-p:PublishReadyToRunComposite=true",
    ];

    public static async Task<PublishedApp> PublishAsync(string label, string project, string assemblyName, string outputRoot, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var output = Path.Combine(outputRoot, assemblyName);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("publish");
        start.ArgumentList.Add(project);
        foreach (var setting in BaseSettings)
        {
            start.ArgumentList.Add(setting);
        }

        foreach (var property in properties)
        {
            start.ArgumentList.Add($"-p:{property}");
        }

        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(output);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        var executable = Path.Combine(output, OperatingSystem.IsWindows() ? assemblyName + ".exe" : assemblyName);
        return File.Exists(executable)
            ? new PublishedApp(label, output, executable)
            : throw new InvalidOperationException($"dotnet publish produced no app host at {executable}.");
    }
}

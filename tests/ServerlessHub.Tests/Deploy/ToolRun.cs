using System.Diagnostics;

namespace ServerlessHub.Deploy;

/// <summary>The exit code and output of a command-line tool the deployment tests run (bicep, node, bash).</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>Everything the tool printed, for assertion messages.</summary>
    public string Printed => $"{Output}{Error}".Trim();

    /// <summary>Whether the owner may run <paramref name="path"/> (always on Windows, which has no execute bit).</summary>
    public static bool IsExecutable(string path) => OperatingSystem.IsWindows() || File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute);

    public static async Task<ToolRun> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ToolRun(process.ExitCode, await output, await error);
    }
}

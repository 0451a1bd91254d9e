using System.Reflection;
using System.Text.Json;
using ServerlessHub.Testing;

namespace ServerlessHub.Deploy;

/// <summary>
/// The Bicep compiler restored from NuGet (Azure.Bicep.CommandLine.linux-x64, whose build props give its path to this
/// assembly), run on infra/ the way CI runs it: every file built to ARM JSON, every file linted with infra/bicepconfig.json.
/// </summary>
public static class Bicep
{
    public static string Infra { get; } = Path.Combine(RepositoryRoot.Path, "infra");

    /// <summary>Every .bicep file under infra/, relative to it.</summary>
    public static IReadOnlyList<string> Files { get; } = Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Infra, f))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Compiler
    {
        get
        {
            var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value;
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new InvalidOperationException($"The Bicep compiler is not at '{path}': restore tests/ServerlessHub.Tests (its Azure.Bicep.CommandLine.linux-x64 package).");
            }

            // NuGet may extract the executable without its execute bit.
            if (!OperatingSystem.IsWindows() && !ToolRun.IsExecutable(path))
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }
            return path;
        }
    }

    public static Task<ToolRun> RunAsync(IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        ToolRun.RunAsync(Compiler, arguments, workingDirectory, cancellationToken);

    /// <summary>
    /// Evaluates infra/main.bicep with <paramref name="parameters"/> (Bicep literals by name) into the resources a
    /// deployment would create, with every value that does not depend on a deployed resource resolved.
    /// </summary>
    public static async Task<Snapshot> SnapshotAsync(IReadOnlyDictionary<string, string> parameters, string location, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("serverlesshub-bicep-").FullName;
        try
        {
            // A .bicepparam file must name its template by a relative path.
            var main = Path.GetRelativePath(folder, Path.Combine(Infra, "main.bicep")).Replace('\\', '/');
            var lines = parameters.Select(p => $"param {p.Key} = {p.Value}").Prepend($"using '{main}'");
            await File.WriteAllLinesAsync(Path.Combine(folder, "test.bicepparam"), lines, cancellationToken);
            var run = await RunAsync(
                ["snapshot", "test.bicepparam", "--mode", "overwrite", "--subscription-id", "00000000-0000-0000-0000-000000000000", "--location", location],
                folder, cancellationToken);
            var file = Path.Combine(folder, "test.snapshot.json");
            return new Snapshot(run, File.Exists(file) ? JsonDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken)) : null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>What <c>bicep snapshot</c> printed, and the predicted resources when it could evaluate the template.</summary>
public sealed record Snapshot(ToolRun Run, JsonDocument? Document)
{
    public IEnumerable<JsonElement> Resources =>
        Document?.RootElement.GetProperty("predictedResources").EnumerateArray() ?? throw new InvalidOperationException($"No snapshot: {Run.Printed}");

    public IEnumerable<JsonElement> OfType(string type) =>
        Resources.Where(r => r.GetProperty("type").GetString()!.Equals(type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The function app's app settings, name to value.</summary>
    public Dictionary<string, string> AppSettings =>
        OfType("Microsoft.Web/sites/config").Single(r => r.GetProperty("name").GetString()!.EndsWith("/appsettings", StringComparison.Ordinal))
            .GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    /// <summary>The last path segment of each resource of <paramref name="type"/> (a table's or queue's own name).</summary>
    public IEnumerable<string> Names(string type) => OfType(type).Select(r => r.GetProperty("name").GetString()!.Split('/')[^1]);
}

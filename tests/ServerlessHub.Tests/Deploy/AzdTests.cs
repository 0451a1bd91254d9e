using System.Text.Json;
using ServerlessHub.Hosting;
using ServerlessHub.Testing;
using YamlDotNet.RepresentationModel;

namespace ServerlessHub.Deploy;

/// <summary>azure.yaml points azd at the function app and the templates, and the post-provision hook's callback URLs are the app's routes.</summary>
[Collection(nameof(InfrastructureFixture))]
public sealed class AzdTests(InfrastructureFixture infrastructure)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void AzureYaml_DeploysTheFunctionAppProjectToTheTaggedApp_AfterTheHook()
    {
        var root = (YamlMappingNode)Load("azure.yaml").RootNode;
        var api = (YamlMappingNode)((YamlMappingNode)root["services"])["api"];
        var infra = (YamlMappingNode)root["infra"];
        var hook = (YamlMappingNode)((YamlMappingNode)root["hooks"])["postprovision"];

        Assert.Equal("function", api["host"].ToString());
        Assert.Equal("dotnet", api["language"].ToString());
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, api["project"].ToString(), "ServerlessHub.csproj")));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, infra["path"].ToString(), infra["module"] + ".bicep")));
        Assert.Equal("bicep", infra["provider"].ToString());
        var hookScript = Path.Combine(RepositoryRoot.Path, hook["run"].ToString());
        Assert.True(ToolRun.IsExecutable(hookScript), $"{hookScript} is not executable.");
        // azd finds the app to deploy to by this tag.
        var site = infrastructure.Flex.OfType("Microsoft.Web/sites").Single();
        Assert.Equal("api", site.GetProperty("tags").GetProperty("azd-service-name").GetString());
    }

    [Fact]
    public async Task Hooks_AreExecutableBashWithoutSyntaxErrors()
    {
        var hooks = Directory.GetFiles(Path.Combine(Bicep.Infra, "hooks"), "*.sh");

        Assert.NotEmpty(hooks);
        foreach (var hook in hooks)
        {
            Assert.True(ToolRun.IsExecutable(hook), $"{hook} is not executable.");
            var check = await ToolRun.RunAsync("bash", ["-n", hook], RepositoryRoot.Path, _ct);
            Assert.True(check.ExitCode == 0, $"{hook}: {check.Printed}");
        }
    }

    [Fact]
    public async Task CallbackUrls_ForTheDemoHubs_AreTheAppsWeComRoutes()
    {
        var endpoint = "https://func-demo.azurewebsites.net";
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "hubs", "demo"), "*.yaml").Order(StringComparer.Ordinal).ToList();

        var run = await ToolRun.RunAsync("bash", [Path.Combine(Bicep.Infra, "hooks", "callback-urls.sh"), endpoint + "/", .. files], RepositoryRoot.Path, _ct);

        Assert.True(run.ExitCode == 0, run.Printed);
        var routes = WeComRoutes();
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, _ct);
            var hubId = text.Split('\n').Single(l => l.StartsWith("id:", StringComparison.Ordinal))["id:".Length..].Trim();
            Assert.Contains($"app:    {endpoint}{routes["WeComCallback"].Replace("{hubId}", hubId, StringComparison.Ordinal)}", lines);
            var bot = $"AI bot: {endpoint}{routes["WeComBot"].Replace("{hubId}", hubId, StringComparison.Ordinal)}";
            Assert.Equal(text.Contains("\naiBot:", StringComparison.Ordinal), lines.Contains(bot));
        }
    }

    /// <summary>The WeCom functions' routes as the Functions host serves them: /{routePrefix}/{route}.</summary>
    private static Dictionary<string, string> WeComRoutes()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var prefix = HostSettings.Load(AppContext.BaseDirectory, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).RoutePrefix;
        return metadata.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("name").GetString() is "WeComCallback" or "WeComBot")
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => $"/{prefix}/{f.GetProperty("bindings")[0].GetProperty("route").GetString()}");
    }

    private static YamlDocument Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file))));
        return stream.Documents.Single();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using ServerlessHub.Deploy;
using ServerlessHub.Hosting;
using ServerlessHub.LocalHost;
using ServerlessHub.Testing;

namespace ServerlessHub.OpenApi;

/// <summary>
/// The shipped document against the app: the same operations as the local host's route table, keys required where the
/// functions check them, problem+json for every operation, and no error or warning from spectral's OpenAPI rules.
/// </summary>
public sealed class OpenApiOperationsTests
{
    // Open without a key: the WeCom callbacks are verified by their signature instead.
    private static readonly HashSet<string> Anonymous = ["Health", "OpenApi", "Docs", "DocsScript", "WeComCallbackGet", "WeComCallbackPost", "WeComBotGet", "WeComBotPost"];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Document_ListsExactlyTheEndpointsOfTheApp()
    {
        using var app = LocalHostApp.Build(LocalHostApp.CreateBuilder([], WorkerContractTests.Settings()));
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"));

        var documented = Operations().Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}");

        Assert.Equal(endpoints.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryOperationButTheOpenOnes_RequiresAKeyInTheHeaderOrTheQuery()
    {
        var operations = Operations();

        Assert.All(operations, o =>
        {
            var schemes = o.Operation.TryGetProperty("security", out var security)
                ? security.EnumerateArray().Select(r => string.Join(",", r.EnumerateObject().Select(p => p.Name))).Order(StringComparer.Ordinal).ToList()
                : [];
            Assert.Equal(Anonymous.Contains(o.Id) ? [] : [OpenApiDocumentTests.HeaderKey, OpenApiDocumentTests.QueryKey], schemes);
        });
        Assert.Equal(Anonymous.Order(StringComparer.Ordinal), operations.Select(o => o.Id).Where(Anonymous.Contains).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryOperation_AnswersProblemJson_AndTheKeyedOnes_401()
    {
        Assert.All(Operations(), o =>
        {
            var problems = o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _))
                .Select(r => r.Name).ToList();
            Assert.NotEmpty(problems);
            if (!Anonymous.Contains(o.Id))
            {
                Assert.Contains("401", problems);
            }
        });
    }

    // A warning fails too: an operation without a description (operation-description), say, is a gap in the reference.
    [Fact]
    public async Task Spectral_FindsNoErrorOrWarning()
    {
        var run = await SpectralAsync(OpenApiDocumentTests.ShippedPath);

        Assert.True(run.ExitCode == 0, run.Printed);
        Assert.DoesNotContain(" error ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" warning ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spectral_ADuplicateOperationId_IsAnError()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("serverlesshub-openapi-").FullName, "v1.json");
        var text = await File.ReadAllTextAsync(OpenApiDocumentTests.ShippedPath, _ct);
        await File.WriteAllTextAsync(broken, text.Replace("\"operationId\": \"GetHub\"", "\"operationId\": \"ApplyHub\"", StringComparison.Ordinal), _ct);

        var run = await SpectralAsync(broken);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("operation-operationId-unique", run.Output, StringComparison.Ordinal);
    }

    private Task<ToolRun> SpectralAsync(string document)
    {
        var cli = Path.Combine(RepositoryRoot.Path, "infra", "ci", "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
        Assert.True(File.Exists(cli), $"spectral is not installed at {cli}: run ./test.sh, or infra/local/npm-install.sh \"$PWD/infra/ci\".");
        return ToolRun.RunAsync("node", [cli, "lint", document, "--ruleset", Path.Combine(RepositoryRoot.Path, ".spectral.yaml"), "--format", "text", "--fail-severity", "warn"], RepositoryRoot.Path, _ct);
    }

    private static List<(string Path, string Method, string Id, JsonElement Operation)> Operations()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(OpenApiDocumentTests.ShippedPath));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (path.Name, op.Name, op.Value.GetProperty("operationId").GetString()!, op.Value.Clone())))];
    }
}

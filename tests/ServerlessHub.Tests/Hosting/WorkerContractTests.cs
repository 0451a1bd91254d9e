using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.LocalHost;
using ServerlessHub.LocalHost.Functions;
using ServerlessHub.LocalHost.Queues;

namespace ServerlessHub.Hosting;

/// <summary>
/// Guards against drift between the two hosts: the local host serves exactly what the worker SDK generated into
/// <c>functions.metadata</c> (what the Functions host reads), and the worker's container builds every function class.
/// </summary>
public sealed class WorkerContractTests
{
    private static readonly string MetadataPath = Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    [Fact]
    public void LocalHost_ServesEveryFunctionOfFunctionsMetadata_AndNothingElse()
    {
        var declared = Declared();
        using var app = LocalHostApp.Build(LocalHostApp.CreateBuilder([], Settings()));

        var http = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => $"http {e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName} {e.RoutePattern.RawText} {string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Order(StringComparer.Ordinal))}");
        var queues = typeof(QueueTriggers).GetMethods()
            .Where(m => m.GetCustomAttribute<FunctionNameAttribute>() is not null)
            .Select(m => $"queue {m.GetCustomAttribute<FunctionNameAttribute>()!.Name} {m.GetParameters().Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()?.QueueName).Single(q => q is not null)}");
        var timers = app.Services.GetRequiredService<FunctionIndex>().Timers.Select(t => $"timer {t.Name} {t.Schedule}");

        Assert.Equal(declared.Order(StringComparer.Ordinal), http.Concat(queues).Concat(timers).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FunctionsMetadata_EveryHttpFunction_IsAnonymousToTheFunctionsHost()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath));

        var http = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("bindings")[0]).Where(b => b.GetProperty("type").GetString() == "httpTrigger").ToList();

        Assert.NotEmpty(http);
        Assert.All(http, trigger => Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString()));
    }

    [Fact]
    public async Task WorkerContainer_BuildsEveryFunctionClass()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        var assembly = typeof(ServerlessHubServices).Assembly;
        var classes = metadata.RootElement.EnumerateArray()
            .Select(f => f.GetProperty("entryPoint").GetString()!)
            .Select(entryPoint => assembly.GetType(entryPoint[..entryPoint.LastIndexOf('.')], throwOnError: true)!)
            .Distinct()
            .ToList();

        // Built, never run: the worker cannot start without the Functions host, but its container is complete here.
        using var host = Worker.CreateBuilder([]).Build();
        await using var scope = host.Services.CreateAsyncScope();

        Assert.NotEmpty(classes);
        Assert.All(classes.Where(c => !c.IsAbstract), type => Assert.IsType(type, ActivatorUtilities.CreateInstance(scope.ServiceProvider, type)));
    }

    /// <summary>What functions.metadata declares, one line per function in the form the test above compares.</summary>
    private static List<string> Declared()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        var routePrefix = HostSettings.Load(AppContext.BaseDirectory, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).RoutePrefix;
        return metadata.RootElement.EnumerateArray().Select(function =>
        {
            var name = function.GetProperty("name").GetString();
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return trigger.GetProperty("type").GetString() switch
            {
                "httpTrigger" => $"http {name} /{routePrefix}/{trigger.GetProperty("route").GetString()} {string.Join(",", trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal))}",
                "queueTrigger" => $"queue {name} {trigger.GetProperty("queueName").GetString()}",
                "timerTrigger" => $"timer {name} {trigger.GetProperty("schedule").GetString()}",
                var other => throw new InvalidDataException($"functions.metadata declares a {other} function, {name}, that no host of ours runs."),
            };
        }).ToList();
    }

    internal static Dictionary<string, string?> Settings() => new()
    {
        // Built, never started: nothing connects to this account.
        ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
    };
}

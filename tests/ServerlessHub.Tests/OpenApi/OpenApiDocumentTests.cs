using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using ServerlessHub.Access;
using ServerlessHub.Hosting;
using ServerlessHub.LocalHost;
using ServerlessHub.LocalHost.Functions;
using ServerlessHub.Testing;

namespace ServerlessHub.OpenApi;

/// <summary>
/// The OpenAPI document the app ships (<c>functions/ServerlessHub/OpenApi/v1.json</c>) is what ASP.NET Core's OpenAPI
/// generator makes of the HTTP functions: their routes, methods, summaries and typed results. Run with
/// <c>UPDATE_OPENAPI=1</c> to write a fresh one after changing a function.
/// </summary>
public sealed class OpenApiDocumentTests
{
    internal const string HeaderKey = "functionsKeyHeader";
    internal const string QueryKey = "functionsKeyQuery";

    internal static readonly string ShippedPath = Path.Combine(RepositoryRoot.Path, "functions", "ServerlessHub", "OpenApi", "v1.json");

    [Fact]
    public async Task ShippedDocument_IsWhatTheFunctionsDescribe()
    {
        var generated = await GenerateAsync(TestContext.Current.CancellationToken);
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(ShippedPath, generated, TestContext.Current.CancellationToken);
        }

        Assert.Equal(generated, (await File.ReadAllTextAsync(ShippedPath, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// What the functions' own metadata cannot say: the keys every function without <c>[AllowAnonymous]</c> checks (either
    /// scheme opens it), the 500 problem+json the worker's failure middleware answers for any function, and distinct
    /// operation ids for a function that takes several methods.
    /// </summary>
    private static Task DescribeHostBehaviour(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderKey, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(QueryKey, context.Document)] = [] },
            ];
        }

        operation.Responses ??= [];
        operation.Responses[StatusCodes.Status500InternalServerError.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = "Internal Server Error",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
            },
        };
        if (metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { HttpMethods.Count: > 1 })
        {
            var method = context.Description.HttpMethod!.ToLowerInvariant();
            operation.OperationId += char.ToUpperInvariant(method[0]) + method[1..];
        }

        return Task.CompletedTask;
    }

    private static async Task<string> GenerateAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(Hosting.WorkerContractTests.Settings());
        builder.Services.AddServerlessHub(builder.Configuration);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ServerlessHub";
            document.Info.Description = "协作体报送中枢 HTTP API. Keys go in the x-functions-key header or the code query parameter.";
            document.Info.Contact = new OpenApiContact { Name = "ServerlessHub" };

            // The paths carry the route prefix (/api/...), so a server is a bare origin: first whichever app serves this
            // document (relative, so it holds locally and deployed), then the local host of ./run.sh for tools that read
            // the file from the repository. Not the generator's own server, the test's random port.
            document.Servers =
            [
                new OpenApiServer { Url = "/", Description = "The app serving this document" },
                new OpenApiServer { Url = LocalHostApp.DefaultUrl, Description = "The local host (./run.sh)" },
            ];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[HeaderKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.HeaderName, Description = "A hub key or an admin key.",
            };
            document.Components.SecuritySchemes[QueryKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = ApiKeys.QueryName, Description = "A hub key or an admin key, where a header cannot be set.",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer(DescribeHostBehaviour));
        await using var app = builder.Build();
        var routePrefix = app.Services.GetRequiredService<HostSettings>().RoutePrefix;
        foreach (var function in FunctionIndex.Load(AppContext.BaseDirectory, []).Http)
        {
            var feature = function.Method.DeclaringType!.Namespace!;
            var pattern = $"/{routePrefix}/{function.Route}";
            var options = new RequestDelegateFactoryOptions
            {
                ServiceProvider = app.Services,
                EndpointBuilder = new RouteEndpointBuilder(null, RoutePatternFactory.Parse(pattern), 0) { ApplicationServices = app.Services },
            };
            var metadata = RequestDelegateFactory.InferMetadata(function.Method, options);
            var handler = RequestDelegateFactory.Create(function.Method, _ => throw new InvalidOperationException("Only described, never called."), options, metadata);
            app.MapMethods(pattern, function.Methods, handler.RequestDelegate)
                .WithName(function.Name)
                .WithTags(feature[(feature.LastIndexOf('.') + 1)..])
                .WithMetadata([function.Method, .. function.Method.GetCustomAttributes(), .. handler.EndpointMetadata]);
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        await app.StartAsync(cancellationToken);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            using var response = await http.GetAsync("/openapi/v1.json", cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.IsSuccessStatusCode, text);
            return text.ReplaceLineEndings("\n");
        }
        finally
        {
            await app.StopAsync(cancellationToken);
        }
    }
}

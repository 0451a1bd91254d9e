using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Scalar.AspNetCore;
using ServerlessHub.Hosting;

namespace ServerlessHub.OpenApi;

/// <summary>
/// <c>GET /api/docs</c>: the API reference, Scalar's page over <c>/api/openapi/v1.json</c>. Scalar's script is served by
/// the app too (<c>GET /api/docs/scalar.js</c>, as Scalar.AspNetCore embeds it), not by a CDN: many deployments have no
/// internet. Scalar.AspNetCore's own <c>MapScalarApiReference</c> needs endpoint routing, which the worker has not.
/// </summary>
public sealed class DocsFunction(HostSettings host)
{
    // Scalar.AspNetCore embeds its assets gzipped under these names.
    private const string ScriptResource = "ScalarStaticAssets.scalar.js";

    private readonly string _page = Page(host.RoutePrefix.Length > 0 ? "/" + host.RoutePrefix : "");

    [Function("Docs")]
    [EndpointSummary("This API's reference page")]
    [EndpointDescription(
        "Serves the HTML reference of this API (Scalar) over GET /api/openapi/v1.json. " +
        "Its script comes from the app too, so the page works without internet access. " +
        "Open to anyone, no key.")]
    [AllowAnonymous]
    public ContentHttpResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request) =>
        TypedResults.Content(_page, "text/html", Encoding.UTF8);

    [Function("DocsScript")]
    [EndpointSummary("The script of the API reference page")]
    [EndpointDescription(
        "Serves the Scalar script that the reference page (GET /api/docs) loads, gzip-compressed when the client accepts it. " +
        "Open to anyone, no key.")]
    [AllowAnonymous]
    public static FileStreamHttpResult Script([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/scalar.js")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gzipped = typeof(ScalarOptions).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Scalar.AspNetCore no longer embeds {ScriptResource}.");
        request.HttpContext.Response.Headers.Vary = "Accept-Encoding";
        if (request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            request.HttpContext.Response.Headers.ContentEncoding = "gzip";
            return TypedResults.Stream(gzipped, "text/javascript; charset=utf-8");
        }

        return TypedResults.Stream(new GZipStream(gzipped, CompressionMode.Decompress), "text/javascript; charset=utf-8");
    }

    private static string Page(string prefix) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>ServerlessHub API</title>
        </head>
        <body>
          <div id="app"></div>
          <script src="{{WebUtility.HtmlEncode(prefix)}}/docs/scalar.js"></script>
          <script>Scalar.createApiReference('#app', { url: {{JsonSerializer.Serialize(prefix + "/openapi/v1.json")}} })</script>
        </body>
        </html>
        """;
}

using ServerlessHub.Runtime;

namespace ServerlessHub.OpenApi;

/// <summary><c>GET /api/openapi/{documentName}.json</c>: the OpenAPI document of the HTTP API (<c>v1</c>).</summary>
public static class OpenApiFunction
{
    public static void MapOpenApiDocument(this WebApplication app) =>
        app.MapOpenApi(app.HttpFunctionRoute("OpenApi", HttpMethods.Get));
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;

namespace ServerlessHub.OpenApi;

/// <summary>
/// <c>GET /api/openapi/v1.json</c>: the OpenAPI document of the HTTP API. It ships with the app (<c>OpenApi/v1.json</c>),
/// generated from the function classes' routes and result types; a test regenerates it and fails when it is stale.
/// </summary>
public static class OpenApiFunction
{
    /// <summary>Where the document lies beside the app.</summary>
    public static readonly string DocumentPath = Path.Combine(AppContext.BaseDirectory, "OpenApi", "v1.json");

    private static readonly Lazy<string> Document = new(() => File.ReadAllText(DocumentPath));

    [Function("OpenApi")]
    [EndpointSummary("This OpenAPI document")]
    [EndpointDescription(
        "Returns this OpenAPI document (only v1 exists): every operation with its request and response schemas, key schemes and problem+json answers. " +
        "Open to anyone, no key.")]
    [AllowAnonymous]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public static Results<ContentHttpResult, ProblemHttpResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/{documentName}.json")] HttpRequest request, string documentName) =>
        documentName == "v1"
            ? TypedResults.Text(Document.Value, "application/json")
            : Problems.NotFound(request.HttpContext, ($"没有 OpenAPI 文档“{documentName}”，请用 v1。", $"There is no OpenAPI document '{documentName}'; use v1."));
}

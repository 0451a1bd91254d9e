using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ServerlessHub.Runtime.Invocation;

/// <summary>The custom-handler side of the Functions host contract: the readiness ping and <c>POST /{FunctionName}</c>.</summary>
public static class InvocationEndpoints
{
    private const long MaxInvocationBytes = 1024 * 1024;

    public static void MapInvocations(this IEndpointRouteBuilder app)
    {
        // The host pings GET / until it gets any answer before it sends the first invocation.
        app.MapGet("/", () => TypedResults.Ok()).ExcludeFromDescription();
        app.MapPost("/{functionName}", InvokeAsync).ExcludeFromDescription();
    }

    private static async Task<Results<JsonHttpResult<InvocationResponse>, ProblemHttpResult>> InvokeAsync(
        string functionName, HttpRequest request, FunctionInvoker invoker, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxInvocationBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Invocation too large", $"An invocation payload may be at most {MaxInvocationBytes} bytes.");
        }

        InvocationRequest? payload;
        try
        {
            payload = await JsonSerializer.DeserializeAsync(request.Body, InvocationJsonContext.Default.InvocationRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invocation is not JSON", $"The invocation payload is not valid JSON: {ex.Message}");
        }

        if (payload is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invocation is empty", "The invocation payload must be an object with 'Data' and 'Metadata'.");
        }

        request.Headers.TryGetValue("X-Azure-Functions-InvocationId", out var invocationId);
        var outcome = await invoker.InvokeAsync(functionName, payload, invocationId.FirstOrDefault(), cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            InvocationOutcome.Succeeded s => TypedResults.Json(s.Response, InvocationJsonContext.Default.InvocationResponse),
            InvocationOutcome.UnknownFunction u => Problem(StatusCodes.Status404NotFound, "Unknown function", $"There is no queue or timer function named '{u.Name}'."),
            InvocationOutcome.BadPayload b => Problem(StatusCodes.Status400BadRequest, "Invalid invocation", b.Detail),
            InvocationOutcome.Failed f => TypedResults.Problem(
                title: "Function failed",
                detail: "The function failed; the host will retry the invocation. See the logs for this invocation id.",
                statusCode: StatusCodes.Status500InternalServerError,
                extensions: new Dictionary<string, object?> { ["logs"] = f.Logs }),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}."),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}

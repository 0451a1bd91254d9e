using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace ServerlessHub.Http;

/// <summary>
/// Under Azure Functions, an HTTP function that throws answers 500 as problem+json with the trace id, revealing nothing
/// internal; the local host does the same with ASP.NET Core's exception handler, through the same problem details.
/// </summary>
internal sealed partial class HttpFailureMiddleware(ILogger<HttpFailureMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http && !http.RequestAborted.IsCancellationRequested)
        {
            Failed(logger, ex, context.FunctionDefinition.Name);
            await HttpFailures.WriteAsync(http).ConfigureAwait(false);
        }
    }

    [LoggerMessage(1200, LogLevel.Error, "HTTP function {Function} failed", EventName = "HttpFunctionFailed")]
    private static partial void Failed(ILogger logger, Exception exception, string function);
}

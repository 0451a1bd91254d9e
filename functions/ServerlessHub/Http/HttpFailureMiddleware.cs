using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using ServerlessHub.Storage;

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
            if (StorageFailures.IsUnavailable(ex))
            {
                StorageUnavailable(logger, context.FunctionDefinition.Name, StorageFailures.Describe(ex));
            }
            else
            {
                Failed(logger, ex, context.FunctionDefinition.Name);
            }

            await HttpFailures.WriteAsync(http, ex).ConfigureAwait(false);
        }
    }

    [LoggerMessage(1200, LogLevel.Error, "HTTP function {Function} failed", EventName = "HttpFunctionFailed")]
    private static partial void Failed(ILogger logger, Exception exception, string function);

    [LoggerMessage(1210, LogLevel.Warning, "HTTP function {Function} answered 503: storage is unavailable ({Reason})", EventName = "HttpStorageUnavailable")]
    private static partial void StorageUnavailable(ILogger logger, string function, string reason);
}

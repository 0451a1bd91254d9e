using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ServerlessHub.Storage;

namespace ServerlessHub.Http;

/// <summary>
/// The answer to an HTTP request whose function failed, problem+json with the trace id and nothing internal: 503 with
/// <c>Retry-After</c> when storage is unavailable (the client should retry, with the same <c>Idempotency-Key</c>),
/// otherwise 500.
/// </summary>
public static class HttpFailures
{
    /// <summary>How long a client is asked to wait before retrying while storage is unavailable.</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>For ASP.NET Core's exception handler: answers for the exception it caught.</summary>
    public static Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context, context.Features.Get<IExceptionHandlerFeature>()?.Error);
    }

    public static async Task WriteAsync(HttpContext context, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        var unavailable = exception is not null && StorageFailures.IsUnavailable(exception);
        context.Response.Clear();
        var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        context.Response.StatusCode = status;
        if (unavailable)
        {
            context.Response.Headers.RetryAfter = ((int)StorageRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = unavailable
                ? new ProblemDetails
                {
                    Status = status,
                    Title = RequestLanguage.Pick(context, "数据存储暂时无法访问", "Storage is unavailable"),
                    Detail = RequestLanguage.Pick(
                        context,
                        $"请求可能未完成。请在 {StorageRetryAfter.TotalSeconds:0} 秒后重试（如带有 Idempotency-Key，请使用同一个），不会重复记录。",
                        $"The request may not have completed. Retry after {StorageRetryAfter.TotalSeconds:0} s (with the same Idempotency-Key, if it had one); nothing is recorded twice."),
                }
                : new ProblemDetails
                {
                    Status = status,
                    Title = RequestLanguage.Pick(context, "服务器内部错误", "Internal server error"),
                    Detail = RequestLanguage.Pick(context, "请求未能完成，请稍后重试；如问题持续，请把 traceId 告诉管理员。", "The request could not be completed; try again later, and give the traceId to an administrator if it persists."),
                },
        }).ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Mvc;

namespace ServerlessHub.Http;

/// <summary>The answer to an HTTP request whose function failed: 500, problem+json, the trace id and nothing internal.</summary>
public static class HttpFailures
{
    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = RequestLanguage.Pick(context, "服务器内部错误", "Internal server error"),
                Detail = RequestLanguage.Pick(context, "请求未能完成，请稍后重试；如问题持续，请把 traceId 告诉管理员。", "The request could not be completed; try again later, and give the traceId to an administrator if it persists."),
            },
        }).ConfigureAwait(false);
    }
}

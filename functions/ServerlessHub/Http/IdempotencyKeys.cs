using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Http;

/// <summary>The <c>Idempotency-Key</c> request header: a retry that carries it gets the first answer and changes nothing.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 200;

    public static (string? Key, ProblemHttpResult? Problem) Of(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(Header, out var values))
        {
            return (null, null);
        }

        // A sender who sends the header counts on a safe retry; an empty key would quietly give it none.
        var key = values.ToString();
        return key.Trim().Length is 0 or > MaxLength || key.Any(char.IsControl)
            ? (null, Problems.BadRequest(context, ($"{Header} 应为 1 到 {MaxLength} 个字符，且不含控制字符。", $"{Header} must have 1 to {MaxLength} characters and no control characters.")))
            : (key, null);
    }

    /// <summary>What a stored answer is checked against: a retry repeats the method, the target and the body exactly.</summary>
    public static string Fingerprint(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IdempotentResponse.Hash(context.Request.Method, context.Request.Path + context.Request.QueryString, RequestBodies.BodyHash(context));
    }

    /// <summary>The stored first answer for a retry (with <c>Idempotent-Replayed: true</c>); 422 when the key was used for another request.</summary>
    public static ContentHttpResult Replay(HttpContext context, IdempotentResponse response)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        if (response.RequestHash != Fingerprint(context))
        {
            return TypedResults.Content(JsonSerializer.Serialize(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = RequestLanguage.Pick(context, "幂等键已被占用", "Idempotency key reused"),
                Detail = RequestLanguage.Pick(context, $"{Header} 已用于另一个不同的请求。", $"The {Header} was used for a different request."),
            }), "application/problem+json", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Content(response.Body, "application/json", statusCode: response.StatusCode);
    }
}

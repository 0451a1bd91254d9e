using Microsoft.AspNetCore.Http.HttpResults;

namespace ServerlessHub.Http;

/// <summary>The <c>Idempotency-Key</c> request header: a retry that carries it gets the first answer and changes nothing.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 200;

    public static (string? Key, ProblemHttpResult? Problem) Of(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return (null, null);
        }

        return key.Length > MaxLength
            ? (null, Problems.BadRequest(context, ($"{Header} 最长 {MaxLength} 个字符。", $"{Header} may have at most {MaxLength} characters.")))
            : (key, null);
    }
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ServerlessHub.Http;

/// <summary>Reads request bodies within a byte limit, so an oversize body is refused before it is buffered.</summary>
public static class RequestBodies
{
    /// <summary>The largest body any API accepts: 256 KiB.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <returns>The body as UTF-8 text, or null when it is larger than <paramref name="maxBytes"/> or not UTF-8.</returns>
    public static async Task<(string? Text, bool TooLarge)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, true);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
        }
        catch (DecoderFallbackException)
        {
            return (null, false);
        }
    }

    /// <summary>Reads a JSON body within the size limit; unknown properties and wrong types are 400.</summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        var (text, tooLarge) = await ReadTextAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (tooLarge)
        {
            return (null, Problems.TooLarge(context));
        }

        if (text is null)
        {
            return (null, Problems.NotUtf8(context));
        }

        try
        {
            return JsonSerializer.Deserialize(text, type) is { } body
                ? (body, null)
                : (null, Problems.BadRequest(context, ("请求内容应为 JSON 对象。", "The body must be a JSON object.")));
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? path : $"line {(ex.LineNumber ?? 0) + 1}";
            return (null, Problems.BadRequest(context,
                ($"请求内容不是有效的 JSON，或含有未知/类型不对的属性（位置 {where}）：{ex.Message}", $"The body is not valid JSON or has an unknown or mistyped property (at {where}): {ex.Message}")));
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

        // What an idempotency key's fingerprint hashes, so a retry with another body of the same length is told apart.
        request.HttpContext.Items[typeof(RequestBodies)] = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
        }
        catch (DecoderFallbackException)
        {
            return (null, false);
        }
    }

    /// <summary>The SHA-256 of the body read by <see cref="ReadTextAsync"/>, or empty when no body was read.</summary>
    public static string BodyHash(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[typeof(RequestBodies)] as string ?? "";
    }

    /// <summary>
    /// Reads a JSON body within the size limit: another content type is 415; malformed JSON, unknown properties and
    /// wrong types are 400, said in the API's terms (which property, what it should be), not .NET's.
    /// </summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(type);
        if (!context.Request.HasJsonContentType())
        {
            return (null, Problems.Create(context, StatusCodes.Status415UnsupportedMediaType, ("内容类型不支持", "Unsupported media type"),
                ("请求内容应为 JSON，请设置 Content-Type: application/json。", "The body must be JSON: send Content-Type: application/json.")));
        }

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
            return (null, Problems.BadRequest(context, JsonProblems.Describe(ex, type)));
        }
    }
}

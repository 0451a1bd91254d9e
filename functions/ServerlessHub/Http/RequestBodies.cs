using System.Text;

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
}

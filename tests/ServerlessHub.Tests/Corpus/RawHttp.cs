using System.Net.Sockets;
using System.Text;

namespace ServerlessHub.Corpus;

/// <summary>The answer to one raw request: status, headers (names lower-cased) and body.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? MediaType => Headers.TryGetValue("content-type", out var type) ? type.Split(';')[0].Trim() : null;

    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// HTTP/1.1 over a socket, one connection per request: HttpClient would normalize the path (collapsing <c>..</c>),
/// escape or refuse header values and check sizes before sending, and the corpus needs exactly the bytes it means.
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri server, string method, string target, IReadOnlyList<(string Name, string Value)> headers, byte[]? body, string? contentType, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        await using var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        if (body is not null || method is "POST" or "PUT")
        {
            head.Append("Content-Length: ").Append(body?.Length ?? 0).Append("\r\n");
        }

        head.Append("\r\n");

        // Latin-1 puts each char below 256 on the wire as that byte, so a case can send any byte in a header.
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
        if (body is not null)
        {
            try
            {
                await stream.WriteAsync(body, cancellationToken);
            }
            catch (IOException)
            {
                // The server may answer (413) and close before reading an oversize body; the answer is still there.
            }
        }

        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, cancellationToken);
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer, when the server did not read the whole body.
        }

        return Parse(received.ToArray());
    }

    private static RawResponse Parse(byte[] raw)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return new RawResponse(0, new Dictionary<string, string>(), raw);
        }

        var lines = Encoding.Latin1.GetString(raw, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var body = raw.AsSpan(end + 4).ToArray();
        return new RawResponse(status, headers, headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(body) : body);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, at, lineEnd).Split(';')[0], 16);
            at += lineEnd + 2;
            if (size == 0)
            {
                break;
            }

            output.Write(body, at, Math.Min(size, body.Length - at));
            at += size + 2;
        }

        return output.ToArray();
    }
}

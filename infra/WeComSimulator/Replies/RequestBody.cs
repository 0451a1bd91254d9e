using System.Text;
using System.Text.Json;
using ServerlessHub.WeCom.Simulation.Tokens;

namespace ServerlessHub.WeCom.Simulation.Replies;

/// <summary>Reads a WeCom request body loosely, so any shape a client sends can be recorded and judged.</summary>
internal static class RequestBody
{
    public static async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// An app API call's first two checks, in WeCom's order: the access token, then a JSON object body. On failure
    /// the error is WeCom's and the body is <c>default</c>.
    /// </summary>
    public static async Task<(ErrorReply? Error, int AgentId, JsonElement Body)> ReadAppCallAsync(
        string? accessToken, HttpRequest request, TokenRegistry tokens, CancellationToken cancellationToken)
    {
        var (error, agentId) = tokens.Authenticate(accessToken);
        if (error is not null)
        {
            return (error, agentId, default);
        }

        return await ReadAsync(request, cancellationToken) is { } body ? (null, agentId, body) : (WeComErrors.DataFormat, agentId, default);
    }

    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string? Nested(JsonElement element, string outer, string inner) =>
        element.TryGetProperty(outer, out var value) && value.ValueKind == JsonValueKind.Object ? String(value, inner) : null;

    public static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    public static int ByteCount(string text) => Encoding.UTF8.GetByteCount(text);
}

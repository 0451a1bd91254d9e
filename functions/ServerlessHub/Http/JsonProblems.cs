using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServerlessHub.Http;

/// <summary>
/// Says what is wrong with a JSON body in the API's own terms: which property, and what kind of value it takes —
/// never the .NET type names that System.Text.Json's messages carry.
/// </summary>
internal static class JsonProblems
{
    public static (string Zh, string En) Describe(JsonException exception, JsonTypeInfo type)
    {
        var path = exception.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        var line = (exception.LineNumber ?? 0) + 1;
        var column = (exception.BytePositionInLine ?? 0) + 1;
        // The reader's own exception type is internal; its name is how a syntax error is told from a mistyped value.
        if (exception.InnerException?.GetType().Name == "JsonReaderException")
        {
            return ($"请求内容不是有效的 JSON（第 {line} 行第 {column} 个字节附近）。", $"The body is not valid JSON (near line {line}, byte {column}).");
        }

        var property = path?.Split('.', '[')[0] ?? Quoted(exception.Message);
        if (property is null)
        {
            return ("请求内容应为 JSON 对象。", "The body must be a JSON object.");
        }

        if (type.Properties.FirstOrDefault(x => x.Name == property) is not { } known)
        {
            return ($"请求含有未知属性“{property}”。", $"The body has an unknown property '{property}'.");
        }

        var (zh, en) = Expected(known.PropertyType);
        return path == property
            ? ($"属性“{property}”的值类型不对，应为{zh}。", $"'{property}' has the wrong type of value: expected {en}.")
            : ($"“{path}”的值类型不对（属性“{property}”应为{zh}）。", $"'{path}' has the wrong type of value ('{property}' takes {en}).");
    }

    // "The JSON property 'x' could not be mapped…": the unknown property's name, when the path does not carry it.
    private static string? Quoted(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message[(start + 1)..end] : null;
    }

    private static (string Zh, string En) Expected(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => ("文本（字符串）", "a string"),
            _ when underlying == typeof(DateOnly) => ("日期字符串，如 \"2026-11-24\"", "a date string like \"2026-11-24\""),
            _ when underlying == typeof(int) || underlying == typeof(long) => ("整数", "a whole number"),
            _ when underlying == typeof(bool) => ("true 或 false", "true or false"),
            _ when underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>) => ("对象，如 {\"progress\": \"…\"}（字段标识 → 取值）", "an object like {\"progress\": \"…\"} (field id → value)"),
            _ => ("正确类型的值", "a value of the right type"),
        };
    }
}

using System.Globalization;
using System.Text.Json;

namespace ServerlessHub.Runtime.Invocation;

/// <summary>The message of a queue-trigger invocation and the metadata the host sends with it.</summary>
public sealed record QueueMessageInput(string Text, string? Id, long DequeueCount, DateTimeOffset? InsertionTime)
{
    /// <exception cref="InvocationInputException">The trigger value is not a queue message.</exception>
    public static QueueMessageInput From(FunctionInvocation invocation)
    {
        var value = invocation.TriggerValue;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => Unquote(value.GetString()!),
            JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
            _ => throw new InvocationInputException($"The queue message of '{invocation.Function.Name}' must be a string or JSON, not {value.ValueKind}."),
        };

        return new QueueMessageInput(
            text,
            MetadataString(invocation, "Id"),
            MetadataLong(invocation, "DequeueCount") ?? 1,
            MetadataString(invocation, "InsertionTime") is { } inserted && DateTimeOffset.TryParse(inserted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null);
    }

    // The host serializes string trigger data as JSON once more, so a message can arrive as a quoted JSON string.
    // Our messages are JSON objects, never bare strings, so a leading quote always means that extra layer.
    private static string Unquote(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize(text, InvocationInputJsonContext.Default.String) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    private static string? MetadataString(FunctionInvocation invocation, string name) =>
        invocation.Metadata.TryGetValue(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => Unquote(value.GetString()!),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static long? MetadataLong(FunctionInvocation invocation, string name) =>
        MetadataString(invocation, name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>A timer-trigger invocation: <see cref="IsPastDue"/> when the run comes late, e.g. after the app was down.</summary>
public sealed record TimerInput(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next)
{
    /// <exception cref="InvocationInputException">The trigger value is not timer info.</exception>
    public static TimerInput From(FunctionInvocation invocation)
    {
        var value = invocation.TriggerValue;
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var inner = JsonDocument.Parse(value.GetString()!);
                return Read(inner.RootElement.Clone(), invocation.Function.Name);
            }
            catch (JsonException ex)
            {
                throw new InvocationInputException($"The timer info of '{invocation.Function.Name}' is not JSON.", ex);
            }
        }

        return Read(value, invocation.Function.Name);
    }

    private static TimerInput Read(JsonElement value, string function)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationInputException($"The timer info of '{function}' must be an object with IsPastDue and ScheduleStatus.");
        }

        var pastDue = value.TryGetProperty(nameof(IsPastDue), out var p) && p.ValueKind == JsonValueKind.True;
        DateTimeOffset? last = null, next = null;
        if (value.TryGetProperty("ScheduleStatus", out var status) && status.ValueKind == JsonValueKind.Object)
        {
            last = ReadInstant(status, "Last");
            next = ReadInstant(status, "Next");
        }

        return new TimerInput(pastDue, last, next);
    }

    private static DateTimeOffset? ReadInstant(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

/// <summary>The invocation's input cannot be read as the trigger's type; the caller answers 400.</summary>
public sealed class InvocationInputException(string message, Exception? inner = null) : Exception(message, inner);

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class InvocationInputJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

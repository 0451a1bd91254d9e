using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessHub.Storage.Poison;

namespace ServerlessHub.Poison;

/// <summary>A replay request: the poison message ids to put back; none (or no body) puts back every visible one, up to 32.</summary>
public sealed record ReplayRequest(IReadOnlyList<string>? MessageIds);

/// <summary>Why a message's last attempt failed: the exception's type and a description free of message contents.</summary>
/// <param name="MessageId">The id the message had in its own queue.</param>
/// <param name="Attempts">How many attempts were made.</param>
public sealed record PoisonErrorDto(string Type, string Message, long Attempts, DateTimeOffset At, string MessageId)
{
    public static PoisonErrorDto From(PoisonError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Type, error.Message, error.Attempts, error.At, error.MessageId);
    }
}

/// <summary>A poison message as listed: its body as queued (the app's own JSON) and its recorded error, if any.</summary>
/// <param name="DequeueCount">How often it was received from the poison queue (0 until a replay looked at it).</param>
public sealed record PoisonMessageDto(string Id, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, long DequeueCount, string Body, PoisonErrorDto? Error)
{
    public static PoisonMessageDto From(PoisonedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Id, message.InsertedOn, message.ExpiresOn, message.DequeueCount, message.Body, message.Error is { } error ? PoisonErrorDto.From(error) : null);
    }
}

public sealed record PoisonListDto(string Queue, string PoisonQueue, IReadOnlyList<PoisonMessageDto> Messages);

/// <summary>What a replay did: the poison message ids sent back to <see cref="Queue"/>, and the asked-for ids not seen.</summary>
public sealed record ReplayDto(string Queue, IReadOnlyList<string> Replayed, IReadOnlyList<string> NotFound);

// A repeated property is ambiguous (which did the sender mean?), so it is refused rather than the last one winning.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(PoisonListDto))]
[JsonSerializable(typeof(ReplayDto))]
public sealed partial class PoisonJsonContext : JsonSerializerContext;

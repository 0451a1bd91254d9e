using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessHub.Outbound;

/// <summary>Where a message goes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DestinationKind>))]
public enum DestinationKind
{
    /// <summary>App messages (应用消息) to the WeCom users in <see cref="Destination.UserIds"/>.</summary>
    People,
    /// <summary>App messages to the liaisons (联络员) of <see cref="Destination.UnitId"/>, resolved when sent.</summary>
    UnitLiaisons,
    /// <summary>A channel of the hub definition (<see cref="Destination.ChannelId"/>): robot webhook, app chat or app users.</summary>
    Channel,
    /// <summary>A reply to an AI-bot message through its <see cref="Destination.ResponseUrl"/>.</summary>
    BotResponse,
}

/// <summary>The recipient of an outbound message; which members are set depends on <see cref="Kind"/>.</summary>
public sealed record Destination(
    DestinationKind Kind,
    IReadOnlyList<string>? UserIds = null,
    string? UnitId = null,
    string? ChannelId = null,
    string? ResponseUrl = null)
{
    public static Destination People(params IReadOnlyList<string> userIds) => new(DestinationKind.People, UserIds: userIds);

    public static Destination Liaisons(string unitId) => new(DestinationKind.UnitLiaisons, UnitId: unitId);

    public static Destination Channel(string channelId) => new(DestinationKind.Channel, ChannelId: channelId);

    public static Destination BotResponse(string responseUrl) => new(DestinationKind.BotResponse, ResponseUrl: responseUrl);
}

/// <summary>How the content is written.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageFormat>))]
public enum MessageFormat
{
    Text,
    Markdown,
}

/// <summary>
/// A request to deliver one chat message (a receipt, question, reminder or digest), enqueued on <c>outbound</c>.
/// <see cref="DeliveryId"/> is unique per message and stable across retries, so a retried queue message never sends a
/// part twice; <see cref="Mentions"/> are WeCom user ids to @ in robot text messages (with the first part only).
/// Content over the destination's byte limit is sent as numbered parts, delivery ids <c>{DeliveryId}#1</c>, <c>#2</c>, …
/// <see cref="OutboxDate"/> is set by the outbound function when it puts a message back on the queue to wait for a
/// rate limit, so its outbox rows stay under the date of its first attempt; producers leave it null.
/// </summary>
public sealed record SendMessage(
    string HubId,
    string DeliveryId,
    Destination To,
    MessageFormat Format,
    string Content,
    IReadOnlyList<string>? Mentions = null,
    DateOnly? OutboxDate = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendMessage))]
public sealed partial class OutboundJsonContext : JsonSerializerContext;

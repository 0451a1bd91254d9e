using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessHub.Outbound;

/// <summary>Reads a <see cref="SendMessage"/> from queue text, refusing what can never be delivered.</summary>
internal static partial class OutboundMessages
{
    /// <summary>Delivery ids are kept short: with the part number they are the outbox row key (at most 1 KiB).</summary>
    public const int MaxDeliveryIdLength = 200;

    /// <returns>The message, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static SendMessage? Parse(string text, out string? problem)
    {
        SendMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(text, OutboundJsonContext.Default.SendMessage);
        }
        catch (JsonException ex)
        {
            problem = $"消息不是有效的 SendMessage JSON：{ex.Message}";
            return null;
        }

        problem = message is null ? "消息为空" : Check(message);
        return problem is null ? message : null;
    }

    private static string? Check(SendMessage message)
    {
        if (message.HubId is null || !HubIdPattern().IsMatch(message.HubId))
        {
            return "hubId 缺失或格式不正确";
        }

        if (string.IsNullOrWhiteSpace(message.DeliveryId) || message.DeliveryId.Length > MaxDeliveryIdLength || message.DeliveryId.Any(char.IsControl))
        {
            return $"deliveryId 缺失、超过 {MaxDeliveryIdLength} 个字符或含控制字符";
        }

        if (string.IsNullOrWhiteSpace(message.Content))
        {
            return "content 为空";
        }

        if (message.To is null)
        {
            return "to 缺失";
        }

        return message.To.Kind switch
        {
            DestinationKind.People when message.To.UserIds is not { Count: > 0 } ids || ids.Any(id => string.IsNullOrWhiteSpace(id) || id.Contains('|', StringComparison.Ordinal)) =>
                "to.userIds 缺失，或含空值或 '|'",
            DestinationKind.UnitLiaisons when string.IsNullOrWhiteSpace(message.To.UnitId) => "to.unitId 缺失",
            DestinationKind.Channel when string.IsNullOrWhiteSpace(message.To.ChannelId) => "to.channelId 缺失",
            DestinationKind.BotResponse when string.IsNullOrWhiteSpace(message.To.ResponseUrl) => "to.responseUrl 缺失",
            _ => null,
        };
    }

    // The hub id's shape from the hub definition: 3–40 of a-z, 0-9 and '-', starting and ending with a letter or digit.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex HubIdPattern();
}

using ServerlessHub.Storage.Outbound;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

/// <summary>How far a message got, and what the queue function does about it.</summary>
public abstract record DeliveryOutcome
{
    /// <summary>Every part is sent (now or before).</summary>
    public sealed record Delivered(int Parts) : DeliveryOutcome;

    /// <summary>A rate limit said wait; the message goes back on the queue, invisible for <see cref="Delay"/>.</summary>
    public sealed record Deferred(TimeSpan Delay, string Reason) : DeliveryOutcome;

    /// <summary>WeCom refused a part for good: it goes to the poison queue with the error.</summary>
    public sealed record Refused(OutboxEntry Entry) : DeliveryOutcome;

    /// <summary>A part failed in a way that may heal (busy, 5xx, timeout): the queue retries the message.</summary>
    public sealed record Interrupted(OutboxEntry Entry, WeComApiException Error) : DeliveryOutcome;
}

namespace ServerlessHub.Storage.Outbound;

/// <summary>Where one part of an outbound message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Not yet delivered: waiting for a rate-limit slot, or failed in a way worth retrying.</summary>
    Pending,
    /// <summary>WeCom accepted it.</summary>
    Sent,
    /// <summary>It can never be delivered as addressed (see the errcode and errmsg).</summary>
    Failed,
}

/// <summary>
/// The delivery record of one part of an outbound message, kept in the <c>outbox</c> table under the hub's local date
/// of the message's first attempt.
/// </summary>
/// <param name="HubId">The hub.</param>
/// <param name="Date">The hub-local date the message was first tried.</param>
/// <param name="DeliveryId">The part's delivery id, <c>{message delivery id}#{part number}</c>.</param>
/// <param name="Destination">Where it goes, described without secrets (no robot key, no response_url).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="ErrorCode">WeCom's errcode of the last failed attempt, if WeCom gave one.</param>
/// <param name="ErrorMessage">Why the last attempt failed or why the part waits.</param>
/// <param name="Attempts">Sends tried so far.</param>
/// <param name="FirstAttemptAt">When the part was first handled.</param>
/// <param name="LastAttemptAt">When it was last handled.</param>
/// <param name="InvalidUsers">Members WeCom reported as unreachable (invaliduser, unlicenseduser).</param>
/// <param name="InvalidParties">Departments WeCom reported as unreachable (invalidparty).</param>
/// <param name="Note">Anything else worth knowing, e.g. that a bot reply was cut to fit.</param>
public sealed record OutboxEntry(
    string HubId,
    DateOnly Date,
    string DeliveryId,
    string Destination,
    OutboxStatus Status,
    int? ErrorCode,
    string? ErrorMessage,
    int Attempts,
    DateTimeOffset FirstAttemptAt,
    DateTimeOffset LastAttemptAt,
    IReadOnlyList<string> InvalidUsers,
    IReadOnlyList<string> InvalidParties,
    string? Note);

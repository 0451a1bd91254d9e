using System.Text.Json.Serialization;

namespace ServerlessHub.Chat;

/// <summary>
/// One person's interview in progress: a report asked for field by field. Small and serializable
/// (<see cref="ChatJsonContext"/>) so the storage adapter can keep it between messages; at most one per person and hub.
/// </summary>
/// <param name="HubId">The hub.</param>
/// <param name="UserId">The person's WeCom user id.</param>
/// <param name="ReportId">The report kind's id.</param>
/// <param name="Purpose">A new report or a revision.</param>
/// <param name="Values">The answers so far: field id → normalized value (as <see cref="FieldValue.Text"/>).</param>
/// <param name="FieldIndex">The index, in the kind's fields, of the field being asked.</param>
/// <param name="Period">The period named when the interview started; null for the current one.</param>
/// <param name="Started">When it started (UTC).</param>
/// <param name="Expires">When it lapses (UTC): <see cref="ChatLimits.InterviewIdleTimeout"/> after the last message
/// that kept it going.</param>
public sealed record Conversation(
    string HubId,
    string UserId,
    string ReportId,
    InterviewPurpose Purpose,
    IReadOnlyDictionary<string, string> Values,
    int FieldIndex,
    PeriodHint? Period,
    DateTimeOffset Started,
    DateTimeOffset Expires)
{
    /// <summary>Whether the conversation has lapsed at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => now >= Expires;
}

/// <summary>The JSON shape of chat state kept between messages (camelCase, enums as names).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Conversation))]
public sealed partial class ChatJsonContext : JsonSerializerContext;

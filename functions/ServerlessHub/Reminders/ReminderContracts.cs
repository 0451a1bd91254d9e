using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessHub.Submissions;

namespace ServerlessHub.Reminders;

/// <summary>
/// One step of the period's ladder: when it falls, when it may go out (the hub's sending hours), and once it ran, when
/// and what it did (e.g. "2 个单位欠报，发出 2 条", or why it sent nothing).
/// </summary>
public sealed record ReminderStepDto(int Index, string At, string To, string? Channel, DateTimeOffset Nominal, DateTimeOffset SendAt, DateTimeOffset? RanAt, string? Outcome);

/// <summary>One reminder that went out (queued for delivery; the outbox shows its delivery).</summary>
public sealed record ReminderSentDto(string Step, string Recipient, DateTimeOffset At, string Outcome, string? DeliveryId, bool Late);

/// <summary>A period's reminders: the ladder, when the period opened and with how many expected, and what went out.</summary>
public sealed record PeriodRemindersDto(string HubId, string ReportId, PeriodDto Period, DateTimeOffset? OpenedAt, int? ExpectedAtOpening, IReadOnlyList<ReminderStepDto> Ladder, IReadOnlyList<ReminderSentDto> Sent);

/// <summary>What a 催报 over HTTP did: the submitters urged, or when the next urge is allowed.</summary>
public sealed record UrgeDto(string HubId, string ReportId, string PeriodKey, string Outcome, IReadOnlyList<string> Urged, DateTimeOffset? NextAllowed);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PeriodRemindersDto))]
[JsonSerializable(typeof(UrgeDto))]
public sealed partial class RemindersJsonContext : JsonSerializerContext;

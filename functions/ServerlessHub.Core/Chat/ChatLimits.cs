using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

/// <summary>Bounds applied to chat input.</summary>
public static class ChatLimits
{
    /// <summary>The longest leave, in days counting both ends (about a school term's quarter; longer absences are
    /// arranged with the coordinator, not by chat).</summary>
    public const int MaxLeaveDays = 90;

    /// <summary>The longest 请假 reason, in characters.</summary>
    public const int MaxLeaveReasonLength = 200;

    /// <summary>The longest text field value when a field declares no <see cref="Field.MaxLength"/> (the hub parser
    /// fills it in, so this applies only to hand-built definitions).</summary>
    public const int DefaultTextLength = HubDefinitionLimits.DefaultTextLength;

    /// <summary>How long an interview waits for the next answer (30 minutes, refreshed by every answer).</summary>
    public static readonly TimeSpan InterviewIdleTimeout = TimeSpan.FromMinutes(30);
}

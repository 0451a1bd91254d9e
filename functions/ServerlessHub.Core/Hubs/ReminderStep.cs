using ServerlessHub.Periods;

namespace ServerlessHub.Hubs;

/// <summary>Who a reminder step goes to.</summary>
public enum ReminderAudience
{
    /// <summary>The liaisons who still owe the report.</summary>
    Submitter,
    /// <summary>The hub's coordinators, about who is missing.</summary>
    Coordinator,
    /// <summary>The hub's leaders, about who is missing.</summary>
    Leader,
}

/// <summary>
/// One step of a reminder ladder, relative to the due instant: <see cref="Days"/> days of <see cref="Unit"/> after the
/// due day (negative: before it), at <see cref="Time"/> or, when null, at the due time, then <see cref="Hours"/> hours
/// later (negative: earlier). Written <c>-1d</c>, <c>-2h</c>, <c>0</c>, <c>+1wd</c>, <c>+3wd</c> in a hub definition.
/// </summary>
/// <param name="Days">Days after the due day; negative for before.</param>
/// <param name="Unit">Calendar or working days.</param>
/// <param name="Time">The local time to send; null for the due time.</param>
/// <param name="Audience">Who receives it.</param>
/// <param name="ChannelId">Where to post it; null for an app message to each recipient.</param>
/// <param name="Hours">Hours after the instant the days and time give; negative for before.</param>
public sealed record ReminderStep(int Days, DayUnit Unit, TimeOnly? Time, ReminderAudience Audience, string? ChannelId, int Hours = 0)
{
    /// <summary>The step's offset as a hub definition writes it: <c>-1d</c>, <c>-2h</c>, <c>0</c>, <c>+1wd</c>.</summary>
    public string Offset => (Days, Hours) switch
    {
        (0, 0) => "0",
        (0, var h) => h > 0 ? $"+{h}h" : $"{h}h",
        (var d, _) => (d > 0 ? "+" : "") + d.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Unit == DayUnit.Working ? "wd" : "d"),
    };
}

namespace ServerlessHub.Chat;

/// <summary>请假: no reminders and not counted missing from <paramref name="First"/> to <paramref name="Last"/>.</summary>
/// <param name="First">The first local day of leave, today or later.</param>
/// <param name="Last">The last local day, inclusive; at most <see cref="ChatLimits.MaxLeaveDays"/> days after <paramref name="First"/> counting both.</param>
/// <param name="Reason">What the sender wrote after the dates (外出培训), trimmed; null when nothing.</param>
public sealed record RequestLeave(DateOnly First, DateOnly Last, string? Reason) : ChatCommand
{
    /// <summary>The days of leave, counting both ends.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;
}

/// <summary>What is wrong with a 请假 message.</summary>
public enum LeaveProblem
{
    /// <summary>请假 alone: no dates.</summary>
    NoDates,
    /// <summary>The text after 请假 does not start with a date we read.</summary>
    UnreadableDates,
    /// <summary>The last day is before the first.</summary>
    Reversed,
    /// <summary>Longer than <see cref="ChatLimits.MaxLeaveDays"/> days.</summary>
    TooLong,
    /// <summary>The first day is before today: leave is asked in advance.</summary>
    StartsInPast,
    /// <summary>The reason is longer than <see cref="ChatLimits.MaxLeaveReasonLength"/> characters.</summary>
    ReasonTooLong,
}

/// <summary>A 请假 message that cannot be granted as written.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="First">The first day read, when one was.</param>
/// <param name="Last">The last day read, when one was.</param>
public sealed record InvalidLeave(LeaveProblem Problem, DateOnly? First, DateOnly? Last) : ChatCommand;

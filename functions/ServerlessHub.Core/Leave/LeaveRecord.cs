namespace ServerlessHub.Leave;

/// <summary>Whether leave covers a whole unit or one person.</summary>
public enum LeaveSubject
{
    Unit,
    Person,
}

/// <summary>
/// Leave (请假): from <see cref="FirstDay"/> to <see cref="LastDay"/> (local dates, inclusive) the unit or person gets
/// no reminders and is not counted missing for a period whose due date falls inside.
/// </summary>
public sealed record LeaveRecord(
    string HubId,
    string Id,
    LeaveSubject Subject,
    string SubjectId,
    DateOnly FirstDay,
    DateOnly LastDay,
    string Reason,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>The longest leave one record may cover.</summary>
    public const int MaxDays = 366;

    public bool Covers(DateOnly day) => FirstDay <= day && day <= LastDay;
}

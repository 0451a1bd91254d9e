namespace ServerlessHub.Submissions;

/// <summary>How a submission reached the hub.</summary>
public enum SubmissionChannel
{
    /// <summary>The HTTP API.</summary>
    Http,
    /// <summary>A chat with the hub's WeCom app (自建应用).</summary>
    WeComApp,
    /// <summary>An @-mention of the hub's AI bot (智能机器人) in a group chat.</summary>
    WeComBot,
}

/// <summary>
/// A report as it stands now: one per (report kind, period, submitter), where the submitter is a unit or, for
/// per-person kinds, a person. Field values are normalized strings (numbers invariant, dates yyyy-MM-dd, choices as
/// defined). <see cref="Late"/> compares the first submission with the due instant; revisions do not change it.
/// </summary>
public sealed record Submission(
    string HubId,
    string ReportId,
    string PeriodKey,
    string SubmitterId,
    string UnitId,
    IReadOnlyDictionary<string, string> Fields,
    SubmissionChannel Channel,
    string SubmittedBy,
    DateTimeOffset FirstSubmittedAt,
    DateTimeOffset UpdatedAt,
    bool Late,
    int Revision,
    bool Withdrawn);

/// <summary>What one revision did.</summary>
public enum RevisionAction
{
    /// <summary>The first submission (报送).</summary>
    Submitted,
    /// <summary>A change of some fields (修改).</summary>
    Revised,
    /// <summary>A withdrawal (撤回); the record is kept.</summary>
    Withdrawn,
    /// <summary>A new submission after a withdrawal.</summary>
    Resubmitted,
}

/// <summary>One field's value before and after a revision; null where the field had or has no value.</summary>
public sealed record FieldChange(string FieldId, string? Before, string? After);

/// <summary>One entry of a submission's history: who did what, when, through which channel.</summary>
public sealed record SubmissionRevision(int Revision, RevisionAction Action, DateTimeOffset At, string By, SubmissionChannel Channel, IReadOnlyList<FieldChange> Changes);

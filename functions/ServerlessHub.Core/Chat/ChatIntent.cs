using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

/// <summary>
/// What the hub should do in answer to a chat message: the pure core's decision, carrying every value a reply
/// template needs and no rendered prose. Storage, period look-up and sending belong to the caller.
/// </summary>
public abstract record ChatIntent;

/// <summary>An intent one message can ask for outside an interview (<see cref="ChatCommandParser"/>); a finished
/// interview ends in one too (<see cref="SubmitReport"/>, <see cref="ReviseReport"/>).</summary>
public abstract record ChatCommand : ChatIntent;

/// <summary>The things a person can ask of the hub in chat; used by help, permission and ambiguity answers.</summary>
public enum ChatVerb
{
    /// <summary>Send a report (报送), in one message or by interview.</summary>
    Submit,
    /// <summary>修改: change a report already sent.</summary>
    Revise,
    /// <summary>撤回: withdraw a report already sent.</summary>
    Withdraw,
    /// <summary>状态 / 我的: what I still owe.</summary>
    Status,
    /// <summary>请假: no reminders and not counted missing over a date range.</summary>
    Leave,
    /// <summary>帮助.</summary>
    Help,
    /// <summary>未交: who has not submitted (coordinators and leaders).</summary>
    Missing,
    /// <summary>催报: remind the missing submitters now (coordinators).</summary>
    Urge,
    /// <summary>汇总: the digest of a period (coordinators and leaders).</summary>
    Digest,
    /// <summary>看 / 查看: what one unit wrote for a period (coordinators and leaders).</summary>
    Show,
}

/// <summary>Why help is shown.</summary>
public enum HelpReason
{
    /// <summary>The person asked for it (帮助, ?, ？).</summary>
    Asked,
    /// <summary>The message was not understood.</summary>
    NotUnderstood,
    /// <summary>取消 or 跳过 arrived while no interview was running.</summary>
    NoInterview,
}

/// <summary>Help: what this person may do.</summary>
/// <param name="Reason">Why help is shown.</param>
/// <param name="Verbs">The commands this person may use, in menu order.</param>
/// <param name="Submittable">The report kinds this person may submit, revise and withdraw (liaisons of the submitting units).</param>
/// <param name="Queryable">The report kinds this person may ask 未交 (and, coordinators, 催报) about; empty for plain liaisons.</param>
public sealed record ShowHelp(HelpReason Reason, IReadOnlyList<ChatVerb> Verbs, IReadOnlyList<ReportKind> Submittable, IReadOnlyList<ReportKind> Queryable) : ChatCommand;

/// <summary>状态 / 我的: show what the sender still owes (and has on leave); the caller reads storage.</summary>
public sealed record ShowStatus : ChatCommand;

/// <summary>The sender may not do <paramref name="Verb"/>: a liaison asking 未交 or 催报, a leader asking 催报, or
/// someone outside a report kind's submitting units trying to submit, revise, withdraw or take leave.</summary>
/// <param name="Verb">What was refused.</param>
/// <param name="Kind">The report kind concerned, when there is one.</param>
public sealed record NotAllowed(ChatVerb Verb, ReportKind? Kind) : ChatCommand;

/// <summary>A command that needs a report kind, when the message names none (and the hub has several) or names one
/// that does not exist: ask which.</summary>
/// <param name="Verb">The command.</param>
/// <param name="Candidates">The kinds the sender could mean, in hub order.</param>
/// <param name="Unrecognised">The words that were not a report kind, if any.</param>
public sealed record ChooseReportKind(ChatVerb Verb, IReadOnlyList<ReportKind> Candidates, string? Unrecognised) : ChatCommand;

using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

/// <summary>Why an interview runs.</summary>
public enum InterviewPurpose
{
    /// <summary>A new report: required fields must be answered, 跳过 skips optional ones.</summary>
    Submit,
    /// <summary>修改: every field is offered and 跳过 keeps what was sent.</summary>
    Revise,
}

/// <summary>A whole report (报送), from one labelled message or a finished interview. Store it when
/// <see cref="ReportDraft.HasProblems"/> is false; otherwise answer with the draft's problems.</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Draft">The values read and what is wrong with them.</param>
/// <param name="Period">The period the sender named (上周, 10月 …); null means the current one.</param>
public sealed record SubmitReport(ReportKind Kind, ReportDraft Draft, PeriodHint? Period) : ChatCommand;

/// <summary>修改 with the fields to change: the draft holds only those (its <see cref="ReportDraft.Missing"/> is always
/// empty). From a revision interview where every field was skipped the draft has no values: nothing changed.</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Draft">The changed values and what is wrong with them.</param>
/// <param name="Period">The period named; null means the current one.</param>
public sealed record ReviseReport(ReportKind Kind, ReportDraft Draft, PeriodHint? Period) : ChatCommand;

/// <summary>A report kind named alone (周报), or 修改 周报 without fields: start an interview
/// (<see cref="Interview.Start"/>, which <see cref="ChatTurn.Handle"/> calls itself).</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Purpose">A new report or a revision.</param>
/// <param name="Period">The period named; null means the current one.</param>
public sealed record StartInterview(ReportKind Kind, InterviewPurpose Purpose, PeriodHint? Period) : ChatCommand;

/// <summary>撤回: withdraw the sender's report.</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Period">The period named; null means the current one.</param>
public sealed record WithdrawReport(ReportKind Kind, PeriodHint? Period) : ChatCommand;

/// <summary>未交: list who has not submitted (coordinators and leaders).</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Period">The period named; null means the current one.</param>
public sealed record ListMissing(ReportKind Kind, PeriodHint? Period) : ChatCommand;

/// <summary>催报: remind everyone who has not submitted, now (coordinators).</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Period">The period named; null means the current one.</param>
public sealed record UrgeMissing(ReportKind Kind, PeriodHint? Period) : ChatCommand;

/// <summary>汇总: the digest of a period (coordinators and leaders).</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Period">The period named; null means the latest period already due.</param>
public sealed record ShowDigest(ReportKind Kind, PeriodHint? Period) : ChatCommand;

/// <summary>看: what one unit wrote for a period (coordinators and leaders).</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Period">The period named; null means the current one.</param>
/// <param name="Unit">The words naming the unit (part of its name, or its id); empty when none were given.</param>
public sealed record ShowUnitReport(ReportKind Kind, PeriodHint? Period, string Unit) : ChatCommand;

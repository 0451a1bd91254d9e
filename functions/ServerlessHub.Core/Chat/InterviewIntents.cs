using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

/// <summary>Ask for one field of an interview (again, with <paramref name="Error"/>, when the answer was not taken).</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Purpose">A new report (跳过 only for optional fields) or a revision (跳过 keeps what was sent).</param>
/// <param name="Field">The field asked for: its label, type, choices, maximum length and whether it is required.</param>
/// <param name="Number">Its position, from 1.</param>
/// <param name="Count">How many fields the kind has.</param>
/// <param name="Opening">Whether this is the first question of a new interview (say how it works: 跳过, 取消).</param>
/// <param name="Error">Why the last answer was not taken, when it was not.</param>
public sealed record AskField(ReportKind Kind, InterviewPurpose Purpose, Field Field, int Number, int Count, bool Opening, FieldError? Error) : ChatIntent;

/// <summary>取消: the interview was dropped; nothing was stored.</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Purpose">A new report or a revision.</param>
public sealed record InterviewCancelled(ReportKind Kind, InterviewPurpose Purpose) : ChatIntent;

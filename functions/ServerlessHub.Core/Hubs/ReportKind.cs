using ServerlessHub.Periods;

namespace ServerlessHub.Hubs;

/// <summary>A kind of report the members owe (周报, 月通报, 学期计划, ...).</summary>
/// <param name="Id">The report kind's id within the hub.</param>
/// <param name="Title">The display title, also recognised in chat, e.g. 周报.</param>
/// <param name="Aliases">Further chat words that name it, e.g. 本周进展.</param>
/// <param name="Schedule">When its periods start, open and fall due.</param>
/// <param name="Submitters">Who must submit.</param>
/// <param name="Fields">What a submission holds, in the order members are asked for it.</param>
/// <param name="Reminders">The reminder ladder, in document order.</param>
/// <param name="Digests">Digests summarising it.</param>
/// <param name="Quotas">Targets for number fields over a term or year, shown in digests.</param>
/// <param name="AcceptLateFor">How many later periods may fall due before a period stops taking submissions,
/// revisions and withdrawals: 1 (the default) until the next period is due, 0 until its own due time (nothing late).</param>
public sealed record ReportKind(
    string Id,
    string Title,
    IReadOnlyList<string> Aliases,
    ReportSchedule Schedule,
    Submitters Submitters,
    IReadOnlyList<Field> Fields,
    IReadOnlyList<ReminderStep> Reminders,
    IReadOnlyList<Digest> Digests,
    IReadOnlyList<Quota>? Quotas = null,
    int AcceptLateFor = 1)
{
    /// <summary>Targets for number fields over a term or year, shown in digests.</summary>
    public IReadOnlyList<Quota> Quotas { get; init; } = Quotas ?? [];
}

/// <summary>Whether a report is owed once per unit or by each liaison.</summary>
public enum SubmitterScope
{
    /// <summary>One submission per unit; any liaison of the unit may send it.</summary>
    Unit,
    /// <summary>One submission per liaison of each unit.</summary>
    Person,
}

/// <summary>Who must submit a report kind.</summary>
/// <param name="Scope">Per unit or per person.</param>
/// <param name="UnitIds">The units that submit; all the hub's units when the document names none.</param>
public sealed record Submitters(SubmitterScope Scope, IReadOnlyList<string> UnitIds);

/// <summary>The type of a report field.</summary>
public enum FieldType
{
    /// <summary>Free text, up to the field's maximum length.</summary>
    Text,
    /// <summary>A number, such as 活动场次.</summary>
    Number,
    /// <summary>One of the field's choices.</summary>
    Choice,
    /// <summary>A date (yyyy-MM-dd).</summary>
    Date,
}

/// <summary>One field of a report kind.</summary>
/// <param name="Id">The field's id within the report kind.</param>
/// <param name="Label">The label shown and recognised in chat, e.g. 本周进展.</param>
/// <param name="Aliases">Further labels recognised in chat, e.g. 完成情况.</param>
/// <param name="Type">The field's type.</param>
/// <param name="Required">Whether a submission must fill it.</param>
/// <param name="Choices">The allowed values of a <see cref="FieldType.Choice"/> field; empty otherwise.</param>
/// <param name="MaxLength">The longest text, in characters, for a <see cref="FieldType.Text"/> field; null otherwise.</param>
public sealed record Field(
    string Id,
    string Label,
    IReadOnlyList<string> Aliases,
    FieldType Type,
    bool Required,
    IReadOnlyList<string> Choices,
    int? MaxLength);

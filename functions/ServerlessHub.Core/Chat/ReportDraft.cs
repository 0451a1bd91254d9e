using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

/// <summary>The field values read from chat and what is wrong with them.</summary>
/// <param name="Values">The values read without error, in the report kind's field order.</param>
/// <param name="Missing">Required fields with no value (never for a revision), in field order.</param>
/// <param name="UnknownLabels">Labels before the first recognised one that name no field of the kind (e.g. 进展 for
/// 本周进展), as written.</param>
/// <param name="Errors">Values that could not be taken, in message order.</param>
/// <param name="Unlabelled">Text before the first label that is not itself a label (a greeting, or a report written
/// without labels), trimmed; null when there is none.</param>
public sealed record ReportDraft(
    IReadOnlyList<FieldValue> Values,
    IReadOnlyList<Field> Missing,
    IReadOnlyList<string> UnknownLabels,
    IReadOnlyList<FieldError> Errors,
    string? Unlabelled)
{
    /// <summary>Whether something must be fixed before the draft can be stored: a missing required field, an error,
    /// an unknown label, or (for a revision) no value at all. Unlabelled text alone is not a problem when labelled
    /// values were found, so a greeting before the report does no harm.</summary>
    public bool HasProblems => Missing.Count > 0 || Errors.Count > 0 || UnknownLabels.Count > 0 || Values.Count == 0;

    /// <summary>The values as stored on a submission: field id → normalized string.</summary>
    public IReadOnlyDictionary<string, string> Fields => Values.ToDictionary(v => v.Field.Id, v => v.Text, StringComparer.Ordinal);
}

/// <summary>One field's value, typed by the field.</summary>
/// <param name="Field">The field.</param>
/// <param name="Text">The normalized value as stored: text verbatim (trimmed), a number in invariant culture
/// (<c>12</c>, <c>1.5</c>), a choice as defined, a date as yyyy-MM-dd.</param>
/// <param name="Number">The number, for <see cref="FieldType.Number"/> fields.</param>
/// <param name="Date">The date, for <see cref="FieldType.Date"/> fields.</param>
public sealed record FieldValue(Field Field, string Text, decimal? Number, DateOnly? Date);

/// <summary>Why a value was not taken.</summary>
public enum FieldErrorCode
{
    /// <summary>Longer than the field allows (<see cref="FieldError.Limit"/> characters).</summary>
    TooLong,
    /// <summary>Not a number (we read digits, full-width too, with an optional unit: 12、12场、１２ 人次).</summary>
    NotANumber,
    /// <summary>Matches none of the field's choices.</summary>
    NotAChoice,
    /// <summary>Matches several choices (<see cref="FieldError.Candidates"/>).</summary>
    AmbiguousChoice,
    /// <summary>Not a date we read (2026-11-24, 2026/11/24, 2026年11月24日, 11月24日, 11.24, 今天 …).</summary>
    NotADate,
    /// <summary>The field was given twice in one message.</summary>
    Repeated,
    /// <summary>Empty, or 跳过, for a required field in an interview.</summary>
    Required,
}

/// <summary>A value that was not taken.</summary>
/// <param name="Field">The field.</param>
/// <param name="Code">Why.</param>
/// <param name="Value">What was written, trimmed (cut to 50 characters plus … for echoing).</param>
/// <param name="Limit">For <see cref="FieldErrorCode.TooLong"/>, the most characters allowed.</param>
/// <param name="Candidates">For choice errors, the choices that matched (ambiguous) or all choices (none matched).</param>
public sealed record FieldError(Field Field, FieldErrorCode Code, string Value, int? Limit, IReadOnlyList<string> Candidates);

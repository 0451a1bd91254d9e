using System.Globalization;
using ServerlessHub.Hubs;

namespace ServerlessHub.Submissions;

/// <summary>A problem with one submitted field, with messages in Chinese and English.</summary>
public sealed record FieldError(string FieldId, string Code, string Chinese, string English);

/// <summary>The outcome of checking submitted values: normalized values when <see cref="Errors"/> is empty.</summary>
public sealed record FieldValidation(IReadOnlyDictionary<string, string> Values, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Checks submitted values against a report kind's fields and normalizes them: text trimmed, numbers in invariant
/// form, dates as yyyy-MM-dd, choices as defined. Unknown field ids, missing required fields, wrong types and
/// over-long text are errors; an empty value means "no value".
/// </summary>
public static class SubmissionFields
{
    /// <summary>The longest text a field takes when its definition sets no maxLength.</summary>
    public const int DefaultMaxLength = 2000;

    /// <param name="kind">The report kind.</param>
    /// <param name="values">Raw values by field id; null or empty means no value.</param>
    /// <param name="existing">For a revision, the current values that <paramref name="values"/> change; null for a new submission.</param>
    public static FieldValidation Validate(ReportKind kind, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string>? existing = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<FieldError>();
        var result = new Dictionary<string, string>(existing ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (id, raw) in values)
        {
            var field = kind.Fields.FirstOrDefault(f => f.Id == id);
            if (field is null)
            {
                errors.Add(new FieldError(id, "unknown-field",
                    $"“{kind.Title}”没有字段“{id}”，可用字段：{string.Join("、", kind.Fields.Select(f => $"{f.Id}（{f.Label}）"))}。",
                    $"'{kind.Id}' has no field '{id}'; its fields are {string.Join(", ", kind.Fields.Select(f => f.Id))}."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(raw))
            {
                result.Remove(id);
                continue;
            }

            if (Normalize(field, raw.Trim()) is { } error)
            {
                errors.Add(error);
            }
            else
            {
                result[id] = Normalized(field, raw.Trim());
            }
        }

        foreach (var field in kind.Fields.Where(f => f.Required && !result.ContainsKey(f.Id) && errors.All(e => e.FieldId != f.Id)))
        {
            errors.Add(new FieldError(field.Id, "required", $"“{field.Label}”是必填项。", $"'{field.Id}' ({field.Label}) is required."));
        }

        return new FieldValidation(result, errors);
    }

    private static FieldError? Normalize(Field field, string raw)
    {
        var max = field.MaxLength ?? DefaultMaxLength;
        return field.Type switch
        {
            FieldType.Text when raw.Length > max => new FieldError(field.Id, "too-long",
                $"“{field.Label}”最多 {max} 字，现有 {raw.Length} 字。", $"'{field.Id}' may have at most {max} characters, not {raw.Length}."),
            FieldType.Number when !decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => new FieldError(field.Id, "not-a-number",
                $"“{field.Label}”应为数字，而不是“{Clip(raw)}”。", $"'{field.Id}' must be a number, not '{Clip(raw)}'."),
            FieldType.Date when !DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => new FieldError(field.Id, "not-a-date",
                $"“{field.Label}”应为日期（如 2026-11-24），而不是“{Clip(raw)}”。", $"'{field.Id}' must be a date like 2026-11-24, not '{Clip(raw)}'."),
            FieldType.Choice when !field.Choices.Contains(raw, StringComparer.Ordinal) => new FieldError(field.Id, "not-a-choice",
                $"“{field.Label}”只能是：{string.Join("、", field.Choices)}。", $"'{field.Id}' must be one of: {string.Join(", ", field.Choices)}."),
            _ => null,
        };
    }

    private static string Normalized(Field field, string raw) => field.Type == FieldType.Number
        ? decimal.Parse(raw, NumberStyles.Number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
        : raw;

    private static string Clip(string raw) => raw.Length <= 20 ? raw : raw[..20] + "…";
}

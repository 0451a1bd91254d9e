using System.Globalization;
using System.Text.RegularExpressions;
using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

/// <summary>Turns what someone wrote for a field into its typed, normalized value.</summary>
internal static partial class FieldValueReader
{
    /// <summary>Reads <paramref name="written"/> (trimmed, not empty) for <paramref name="field"/>.</summary>
    /// <returns>The value, or null with <paramref name="error"/> set.</returns>
    public static FieldValue? Read(Field field, string written, DateOnly today, out FieldError? error)
    {
        error = null;
        switch (field.Type)
        {
            case FieldType.Number:
                if (NumberWithUnit().Match(ChatText.HalfWidth(written)) is { Success: true } match
                    && decimal.TryParse(match.Groups["number"].ValueSpan, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return new FieldValue(field, number.ToString("0.######", CultureInfo.InvariantCulture), number, null);
                }

                error = Error(field, FieldErrorCode.NotANumber, written);
                return null;

            case FieldType.Date:
                if (ChatDates.TryReadWhole(written, today, out var date))
                {
                    return new FieldValue(field, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, date);
                }

                error = Error(field, FieldErrorCode.NotADate, written);
                return null;

            case FieldType.Choice:
                return ReadChoice(field, written, out error);

            default:
                var limit = field.MaxLength ?? ChatLimits.DefaultTextLength;
                if (written.EnumerateRunes().Count() > limit)
                {
                    error = Error(field, FieldErrorCode.TooLong, written) with { Limit = limit };
                    return null;
                }

                return new FieldValue(field, written, null, null);
        }
    }

    public static FieldError Error(Field field, FieldErrorCode code, string written) =>
        new(field, code, ChatText.Echo(written), null, []);

    // Exact first (ignoring case); otherwise a choice containing what was written or contained in it, if only one.
    private static FieldValue? ReadChoice(Field field, string written, out FieldError? error)
    {
        error = null;
        var exact = field.Choices.FirstOrDefault(c => string.Equals(c, written, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return new FieldValue(field, exact, null, null);
        }

        var near = field.Choices
            .Where(c => c.Contains(written, StringComparison.OrdinalIgnoreCase) || written.Contains(c, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (near.Count == 1)
        {
            return new FieldValue(field, near[0], null, null);
        }

        error = near.Count == 0
            ? Error(field, FieldErrorCode.NotAChoice, written) with { Candidates = field.Choices }
            : Error(field, FieldErrorCode.AmbiguousChoice, written) with { Candidates = near };
        return null;
    }

    // A non-negative number, optionally with thousands separators and decimals, then an optional unit word (场, 人次).
    [GeneratedRegex(@"^\s*(?<number>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{1,6})?|[0-9]{1,15}(?:\.[0-9]{1,6})?)\s*\p{L}{0,6}\s*$")]
    private static partial Regex NumberWithUnit();
}

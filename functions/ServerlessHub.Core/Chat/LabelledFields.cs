using System.Text;
using System.Text.RegularExpressions;
using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

/// <summary>
/// Reads <c>label：value</c> fields of one report kind. A field starts where a line — or the text after a <c>；</c> or
/// <c>;</c> — begins with one of the kind's field labels or aliases (ignoring case, optionally numbered like
/// <c>1、</c> or <c>一、</c>) followed by a full- or half-width colon. Every other line continues the value before it,
/// so values may span lines and may contain semicolons. Before the first recognised label, a line that looks like a
/// label (up to ten letters and a colon) is an unknown label; any other text there is unlabelled.
/// </summary>
internal static partial class LabelledFields
{
    /// <summary>Reads <paramref name="body"/>; for a revision no field is missing.</summary>
    public static ReportDraft Read(ReportKind kind, string body, bool revision, DateOnly today)
    {
        var entries = new List<(Field? Field, string? Unknown, StringBuilder Value)>();
        var unlabelled = new StringBuilder();
        foreach (var line in body.Split('\n'))
        {
            var position = 0;
            var label = TryLabel(kind, line, 0);
            if (label is null && entries.Count > 0)
            {
                entries[^1].Value.Append('\n');
            }
            else if (label is null && UnknownLabel().Match(line) is { Success: true } unknown)
            {
                entries.Add((null, unknown.Groups["label"].Value, new StringBuilder()));
                position = unknown.Length;
            }
            else if (label is null)
            {
                position = NextSplit(kind, line, 0, out label);
                unlabelled.Append(line.AsSpan(0, position)).Append('\n');
                if (label is null)
                {
                    continue;
                }
            }

            while (true)
            {
                if (label is { } found)
                {
                    entries.Add((found.Field, null, new StringBuilder()));
                    position = found.End;
                }

                var next = NextSplit(kind, line, position, out label);
                entries[^1].Value.Append(line.AsSpan(position, next - position));
                if (label is null)
                {
                    break;
                }
            }
        }

        return Draft(kind, entries, ChatText.Trim(unlabelled.ToString()), revision, today);
    }

    /// <summary>The field whose label starts at <paramref name="start"/> (after spaces and numbering), and the index
    /// after its colon.</summary>
    public static (Field Field, int End)? TryLabel(ReportKind kind, string text, int start)
    {
        start = ChatText.Skip(text, start);
        if (Numbering().Match(text, start) is { Success: true } numbering)
        {
            start = numbering.Index + numbering.Length;
        }

        (Field Field, int End, int Length)? best = null;
        foreach (var field in kind.Fields)
        {
            foreach (var name in field.Aliases.Prepend(field.Label))
            {
                if (ChatText.StartsWithAt(text, start, name) && (best is null || name.Length > best.Value.Length))
                {
                    var colon = start + name.Length;
                    while (colon < text.Length && text[colon] is ' ' or '\t' or '\u3000')
                    {
                        colon++;
                    }

                    if (colon < text.Length && ChatText.IsColon(text[colon]))
                    {
                        best = (field, colon + 1, name.Length);
                    }
                }
            }
        }

        return best is { } b ? (b.Field, b.End) : null;
    }

    // The next ；/; at or after start that is followed by a recognised label, or the end of the line.
    private static int NextSplit(ReportKind kind, string line, int start, out (Field Field, int End)? label)
    {
        for (var i = start; i < line.Length; i++)
        {
            if (line[i] is ';' or '；' && TryLabel(kind, line, i + 1) is { } found)
            {
                label = found;
                return i;
            }
        }

        label = null;
        return line.Length;
    }

    private static ReportDraft Draft(ReportKind kind, List<(Field? Field, string? Unknown, StringBuilder Value)> entries, string unlabelled, bool revision, DateOnly today)
    {
        var values = new Dictionary<Field, FieldValue>();
        var errors = new List<FieldError>();
        var seen = new HashSet<Field>();
        foreach (var (field, _, builder) in entries)
        {
            if (field is null)
            {
                continue;
            }

            var written = ChatText.Trim(builder.ToString());
            if (!seen.Add(field))
            {
                errors.Add(FieldValueReader.Error(field, FieldErrorCode.Repeated, written));
                continue;
            }

            if (written.Length == 0)
            {
                continue;
            }

            if (FieldValueReader.Read(field, written, today, out var error) is { } value)
            {
                values[field] = value;
            }
            else
            {
                errors.Add(error!);
            }
        }

        var erroneous = errors.Select(e => e.Field).ToHashSet();
        return new ReportDraft(
            [.. kind.Fields.Where(values.ContainsKey).Select(f => values[f])],
            revision ? [] : [.. kind.Fields.Where(f => f.Required && !values.ContainsKey(f) && !erroneous.Contains(f))],
            [.. entries.Where(e => e.Unknown is not null).Select(e => e.Unknown!)],
            errors,
            unlabelled.Length == 0 ? null : unlabelled);
    }

    [GeneratedRegex(@"\G(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[、.．)）]\s*")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^\s*(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[、.．)）]\s*)?(?<label>\p{L}{1,10})[ \t\u3000]*[:：]")]
    private static partial Regex UnknownLabel();
}

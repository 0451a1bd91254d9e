using System.Globalization;
using System.Text;

namespace ServerlessHub.WeCom.Api;

/// <summary>
/// Splits content that is over a WeCom byte limit into numbered parts (分条发送) that each fit the limit.
/// </summary>
/// <remarks>
/// Cuts are made at the coarsest boundary that works: markdown sections (before a <c>#</c> heading line), then lines,
/// then sentences (after 。！？；!?;), then clauses (after ，、,), and only as a last resort between two characters
/// (never inside a UTF-8 sequence or a UTF-16 surrogate pair). Each part starts with its number on a line of its own,
/// <c>（1/3）</c>, counted within the limit; removing those numbers and joining the parts gives back the content.
/// Content within the limit is returned as its only part, unnumbered.
/// </remarks>
public static class WeComMessageParts
{
    /// <summary>The smallest limit accepted, leaving room for the part numbers and some content.</summary>
    public const int MinimumMaxBytes = 64;

    private enum Level
    {
        Document,
        Section,
        Line,
        Sentence,
        Clause,
        Character,
    }

    /// <summary>Splits <paramref name="content"/> into parts of at most <paramref name="maxBytes"/> UTF-8 bytes each.</summary>
    /// <param name="content">The message content.</param>
    /// <param name="format">Whether markdown sections may be used as cut points.</param>
    /// <param name="maxBytes">The byte limit per part, e.g. <see cref="WeComContentLimits.RobotMarkdownBytes"/>; at least <see cref="MinimumMaxBytes"/>.</param>
    /// <returns>The parts in order; one unnumbered part when the content is within the limit.</returns>
    public static IReadOnlyList<string> Split(string content, WeComContentFormat format, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, MinimumMaxBytes);
        if (Encoding.UTF8.GetByteCount(content) <= maxBytes)
        {
            return [content];
        }

        // The numbers' width depends on the part count, which depends on the room the numbers leave: widen until stable.
        for (int digits = 1, capacity = 10; ; digits++, capacity *= 10)
        {
            var packer = new Packer(maxBytes - MarkerBytes(digits), format);
            packer.Add(content, Level.Document);
            var bodies = packer.Finish();
            if (bodies.Count < capacity)
            {
                return [.. bodies.Select((body, index) => Marker(index + 1, bodies.Count) + body)];
            }
        }
    }

    private static string Marker(int number, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"（{number}/{count}）\n");

    // "（" and "）" are 3 bytes each in UTF-8; "/" and "\n" one each.
    private static int MarkerBytes(int digits) => 3 + digits + 1 + digits + 3 + 1;

    private sealed class Packer(int budget, WeComContentFormat format)
    {
        private readonly List<string> parts = [];
        private readonly StringBuilder current = new();
        private int currentBytes;

        public void Add(string piece, Level level)
        {
            var bytes = Encoding.UTF8.GetByteCount(piece);
            if (currentBytes + bytes <= budget)
            {
                Append(piece, bytes);
                return;
            }

            if (bytes <= budget)
            {
                Flush();
                Append(piece, bytes);
                return;
            }

            var finer = Finer(level);
            foreach (var smaller in Subdivide(piece, finer))
            {
                Add(smaller, finer);
            }
        }

        public List<string> Finish()
        {
            Flush();
            return parts;
        }

        private Level Finer(Level level) =>
            level == Level.Document && format != WeComContentFormat.Markdown ? Level.Line : level + 1;

        private void Append(string piece, int bytes)
        {
            current.Append(piece);
            currentBytes += bytes;
        }

        private void Flush()
        {
            if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                currentBytes = 0;
            }
        }
    }

    private static IEnumerable<string> Subdivide(string text, Level level) => level switch
    {
        Level.Section => CutBefore(text, IsHeadingStart),
        Level.Line => CutAfter(text, static (s, i) => s[i] == '\n'),
        Level.Sentence => CutAfter(text, static (s, i) => "。！？；!?;".Contains(s[i], StringComparison.Ordinal)),
        Level.Clause => CutAfter(text, static (s, i) => "，、,".Contains(s[i], StringComparison.Ordinal)),
        _ => Characters(text),
    };

    // A markdown heading: at a line start, 1 to 6 '#' then a space (or the end of the text).
    private static bool IsHeadingStart(string text, int index)
    {
        if (index > 0 && text[index - 1] != '\n')
        {
            return false;
        }

        var hashes = 0;
        while (index + hashes < text.Length && text[index + hashes] == '#')
        {
            hashes++;
        }

        return hashes is >= 1 and <= 6 && (index + hashes == text.Length || text[index + hashes] == ' ');
    }

    private static IEnumerable<string> CutBefore(string text, Func<string, int, bool> isCut)
    {
        var start = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (isCut(text, i))
            {
                yield return text[start..i];
                start = i;
            }
        }

        yield return text[start..];
    }

    private static IEnumerable<string> CutAfter(string text, Func<string, int, bool> isCut)
    {
        var start = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (isCut(text, i))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    // Whole scalar values: a surrogate pair stays together; a lone surrogate is one piece (UTF-8 sends it as U+FFFD).
    private static IEnumerable<string> Characters(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out _, out var consumed);
            yield return text.Substring(index, consumed);
            index += consumed;
        }
    }
}

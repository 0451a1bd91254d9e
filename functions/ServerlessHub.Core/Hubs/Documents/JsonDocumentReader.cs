using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessHub.Hubs.Documents;

/// <summary>
/// Reads strict JSON (RFC 8259: no comments, no trailing commas) into a <see cref="DocumentNode"/> tree. JSON is
/// nearly YAML, but a YAML parser accepts trailing commas and unquoted words, so a broken JSON document would pass
/// or fail with a YAML message; this reader answers in JSON's terms, with the line and column.
/// </summary>
internal static partial class JsonDocumentReader
{
    public static DocumentNode? Read(string text, ErrorList errors)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(utf8);

        // The reader's own depth limit stays above ours, so ours trips first with our message.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = HubDefinitionLimits.MaxDepth * 2 });
        var open = new Stack<OpenCollection>();
        DocumentNode? root = null;
        try
        {
            while (reader.Read())
            {
                SourcePosition position = lines.At(reader.TokenStartIndex);
                DocumentNode? value = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (open.Count >= HubDefinitionLimits.MaxDepth)
                        {
                            errors.AddSyntax(position, HubDefinitionErrorCodes.TooDeep,
                                $"nesting is deeper than {HubDefinitionLimits.MaxDepth} levels",
                                $"嵌套超过 {HubDefinitionLimits.MaxDepth} 层");
                            return null;
                        }

                        open.Push(new OpenCollection(position, reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        value = open.Pop().ToNode();
                        break;
                    case JsonTokenType.PropertyName or JsonTokenType.String:
                        if (!TryGetString(ref reader, out string? s))
                        {
                            errors.AddSyntax(position, HubDefinitionErrorCodes.JsonSyntax,
                                "JSON syntax error: the string holds an invalid \\u escape (a lone surrogate)",
                                "JSON 语法错误：字符串含有无效的 \\u 转义（孤立的代理项）");
                            return null;
                        }

                        value = new ScalarNode(position, s, IsPlain: false);
                        break;
                    case JsonTokenType.Number:
                        value = new ScalarNode(position, Encoding.UTF8.GetString(reader.ValueSpan), IsPlain: true);
                        break;
                    case JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                        value = new ScalarNode(position, Encoding.UTF8.GetString(reader.ValueSpan), IsPlain: true);
                        break;
                }

                if (value is null)
                {
                    continue;
                }

                if (open.Count == 0)
                {
                    root = value;
                }
                else if (!open.Peek().Add(value, errors))
                {
                    return null;
                }
            }
        }
        catch (JsonException ex)
        {
            SourcePosition position = lines.AtLineByte((int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0));
            string reason = PositionSuffix().Replace(ex.Message, "").Replace(" Change the reader options.", "", StringComparison.Ordinal);
            errors.AddSyntax(position, HubDefinitionErrorCodes.JsonSyntax, "JSON syntax error: " + reason, "JSON 语法错误：" + reason);
            return null;
        }

        return root;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    // System.Text.Json ends its messages with " LineNumber: 0 | BytePositionInLine: 12." (the error carries the
    // position) and some with advice for programmers ("Change the reader options.") that a coordinator cannot act on.
    [GeneratedRegex(@"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.\s*$")]
    private static partial Regex PositionSuffix();

    /// <summary>Turns byte offsets into 1-based lines and character columns, counting lines at '\n' as the JSON reader does.</summary>
    private sealed class LineMap
    {
        private readonly byte[] utf8;
        private readonly List<int> lineStarts = [0];

        public LineMap(byte[] utf8)
        {
            this.utf8 = utf8;
            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        public SourcePosition At(long offset)
        {
            int index = lineStarts.BinarySearch((int)offset);
            int line = index >= 0 ? index : ~index - 1;
            return new SourcePosition(line + 1, Column(lineStarts[line], (int)offset));
        }

        public SourcePosition AtLineByte(int zeroBasedLine, int bytePosition)
        {
            int line = Math.Clamp(zeroBasedLine, 0, lineStarts.Count - 1);
            int end = Math.Min(lineStarts[line] + bytePosition, utf8.Length);
            return new SourcePosition(line + 1, Column(lineStarts[line], end));
        }

        private int Column(int lineStart, int offset) => Encoding.UTF8.GetCharCount(utf8, lineStart, offset - lineStart) + 1;
    }
}

namespace ServerlessHub.Chat;

/// <summary>The small text rules every chat reader shares.</summary>
internal static class ChatText
{
    private const int EchoLength = 50;

    /// <summary>Unifies line breaks, trims, and removes leading @-mentions (<c>@机器人 </c>): the caller removes the
    /// bot's mention, but a group message can carry more, and a forwarded one can keep the original.</summary>
    public static string Clean(string? text)
    {
        var cleaned = Trim((text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        while (cleaned.StartsWith('@'))
        {
            var end = 1;
            while (end < cleaned.Length && !IsSpace(cleaned[end]))
            {
                end++;
            }

            cleaned = Trim(cleaned[end..]);
        }

        return cleaned;
    }

    /// <summary>Whitespace, including the ideographic space, plus the invisible characters some clients prepend.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';

    public static string Trim(string text) => text.Trim().Trim('\uFEFF', '\u200B').Trim();

    public static bool IsColon(char c) => c is ':' or '：';

    /// <summary>Punctuation that may separate a command word from what follows.</summary>
    public static bool IsSeparator(char c) => c is ':' or '：' or ',' or '，' or '、' or ';' or '；' or '。' or '.';

    /// <summary>Whether <paramref name="text"/> at <paramref name="index"/> ends a word: the end, a space or a separator.</summary>
    public static bool IsBoundary(string text, int index) =>
        index >= text.Length || IsSpace(text[index]) || IsSeparator(text[index]);

    /// <summary>The index of the first character at or after <paramref name="index"/> that is not a space (or, with
    /// <paramref name="separators"/>, a separator either).</summary>
    public static int Skip(string text, int index, bool separators = false)
    {
        while (index < text.Length && (IsSpace(text[index]) || (separators && IsSeparator(text[index]))))
        {
            index++;
        }

        return index;
    }

    /// <summary>Full-width ASCII forms (１２、：、～) and the ideographic space turned into ASCII, one character for
    /// one, so indexes into the result are indexes into the input.</summary>
    public static string HalfWidth(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });

    /// <summary>The message without trailing full stops, exclamation and question marks, for one-word commands
    /// (帮助。 状态？).</summary>
    public static string WithoutEndPunctuation(string text) => text.TrimEnd('。', '.', '!', '！', '?', '？', '~', '～', ' ');

    /// <summary>Text cut for echoing back in a reply.</summary>
    public static string Echo(string text)
    {
        if (text.Length <= EchoLength)
        {
            return text;
        }

        var length = char.IsHighSurrogate(text[EchoLength - 1]) ? EchoLength - 1 : EchoLength;
        return string.Concat(text.AsSpan(0, length), "…");
    }

    public static bool StartsWithAt(string text, int index, string word) =>
        word.Length > 0 && text.AsSpan(index).StartsWith(word, StringComparison.OrdinalIgnoreCase);
}

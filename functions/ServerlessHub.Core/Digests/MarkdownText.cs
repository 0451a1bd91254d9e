using System.Globalization;
using System.Text;

namespace ServerlessHub.Digests;

/// <summary>
/// Member-written text made safe for WeCom Markdown: what WeCom reads as markup (<c>&lt;@user&gt;</c> mentions,
/// <c>&lt;font&gt;</c>, links, bold, inline code, headings, quotes) is replaced by the full-width look-alike, line breaks
/// and control characters become spaces, so text reads as written and formats nothing. Full-width characters keep the
/// length, so trimming after escaping cuts where it would have cut the original.
/// </summary>
public static class MarkdownText
{
    /// <summary>The text with every markup character replaced and on one line.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => '＜',
                '>' => '＞',
                '[' => '［',
                ']' => '］',
                '(' => '（',
                ')' => '）',
                '*' => '＊',
                '`' => '｀',
                '#' => '＃',
                '_' => '＿',
                '~' => '～',
                '|' => '｜',
                '@' => '＠',
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => ' ',
                _ => c,
            });
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// At most <paramref name="length"/> characters (text elements, so no emoji is split): cut after the last sentence
    /// end (。！？；!?;) that leaves at least half of the room used, else after the last clause mark (，、,), else at the
    /// length, with … when anything was cut.
    /// </summary>
    public static string TrimAtSentence(string? text, int length)
    {
        if (string.IsNullOrEmpty(text) || length <= 0)
        {
            return "";
        }

        var info = new StringInfo(text);
        if (info.LengthInTextElements <= length)
        {
            return text;
        }

        var head = info.SubstringByTextElements(0, length);
        var sentence = head.LastIndexOfAny(['。', '！', '？', '；', '!', '?', ';']);
        if (sentence >= head.Length / 2)
        {
            return head[..(sentence + 1)] + "…";
        }

        var clause = head.LastIndexOfAny(['，', '、', ',']);
        return clause >= head.Length / 2 ? head[..clause] + "…" : head + "…";
    }
}

using System.Text;
using System.Xml;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>
/// Reads WeCom's flat XML shape, <c>&lt;xml&gt;&lt;Name&gt;value&lt;/Name&gt;…&lt;/xml&gt;</c>, from untrusted input.
/// DTDs are prohibited (so XXE and entity-expansion payloads fail at the DOCTYPE, before any expansion),
/// no resolver is set, and the document is bounded in characters.
/// </summary>
internal static class FlatXml
{
    public const int MaxCharacters = CallbackEnvelope.MaxBodyBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>Decodes strict UTF-8 (the reader then never sees, or trusts, an encoding declaration) and reads.</summary>
    public static CallbackParseStatus Read(ReadOnlySpan<byte> utf8, IReadOnlySet<string> names, out Dictionary<string, string> fields)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return CallbackParseStatus.Malformed;
        }

        return Read(text, names, fields);
    }

    /// <summary>Reads the children of the root <c>xml</c> element whose names are in <paramref name="names"/>.</summary>
    public static CallbackParseStatus Read(string xml, IReadOnlySet<string> names, Dictionary<string, string> fields)
    {
        if (xml.Length > MaxCharacters)
        {
            return CallbackParseStatus.TooLarge;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "xml")
            {
                return CallbackParseStatus.Malformed;
            }

            if (!reader.IsEmptyElement && !ReadChildren(reader, names, fields))
            {
                return CallbackParseStatus.Malformed;
            }

            // Read to the end so that trailing garbage or a second root is rejected, not ignored.
            while (reader.Read())
            {
            }

            return CallbackParseStatus.Ok;
        }
        catch (XmlException)
        {
            return CallbackParseStatus.Malformed;
        }
    }

    private static bool ReadChildren(XmlReader reader, IReadOnlySet<string> names, Dictionary<string, string> fields)
    {
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (names.Contains(reader.LocalName))
            {
                // A repeated field is ambiguous (which one did WeCom mean?), so refuse rather than guess.
                var name = reader.LocalName;
                if (fields.ContainsKey(name))
                {
                    return false;
                }

                fields[name] = reader.ReadElementContentAsString();
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }
}

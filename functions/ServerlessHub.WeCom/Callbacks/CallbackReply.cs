using System.Text;
using System.Text.Json;
using System.Xml;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>An encrypted, signed passive reply, made by <see cref="WeComCallbackCrypto.CreateReply"/>.</summary>
/// <param name="Encrypt">The Base64 ciphertext.</param>
/// <param name="MsgSignature">The signature over token, timestamp, nonce and ciphertext.</param>
/// <param name="Timestamp">The signed timestamp, Unix seconds as a decimal string.</param>
/// <param name="Nonce">The signed nonce.</param>
public sealed record CallbackReply(string Encrypt, string MsgSignature, string Timestamp, string Nonce)
{
    /// <summary>
    /// The self-built app envelope (document path 90241):
    /// <c>&lt;xml&gt;&lt;Encrypt/&gt;&lt;MsgSignature/&gt;&lt;TimeStamp/&gt;&lt;Nonce/&gt;&lt;/xml&gt;</c>.
    /// </summary>
    public string ToAppXml()
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false };
        using (var writer = XmlWriter.Create(builder, settings))
        {
            writer.WriteStartElement("xml");
            WriteCDataElement(writer, "Encrypt", Encrypt);
            WriteCDataElement(writer, "MsgSignature", MsgSignature);
            writer.WriteElementString("TimeStamp", Timestamp);
            WriteCDataElement(writer, "Nonce", Nonce);
            writer.WriteEndElement();
        }

        return builder.ToString();
    }

    /// <summary>
    /// The AI-bot envelope (document path 101033): <c>{"encrypt","msgsignature","timestamp","nonce"}</c>.
    /// All four are strings, as in Tencent's reference implementation.
    /// </summary>
    public string ToBotJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("encrypt", Encrypt);
            writer.WriteString("msgsignature", MsgSignature);
            writer.WriteString("timestamp", Timestamp);
            writer.WriteString("nonce", Nonce);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteCDataElement(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name);
        writer.WriteCData(value);
        writer.WriteEndElement();
    }
}

using System.Text;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>Classic hostile XML and JSON payloads, shared by envelope and message tests.</summary>
internal static class HostilePayloads
{
    public const string ExternalEntity =
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<xml><ToUserName>a</ToUserName><Encrypt>&xxe;</Encrypt></xml>";

    public const string ExternalDtd =
        "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><Encrypt>x</Encrypt></xml>";

    public const string ParameterEntity =
        "<!DOCTYPE xml [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/x\"> %remote;]><xml><Encrypt>x</Encrypt></xml>";

    public static string BillionLaughs()
    {
        var builder = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (var level = 1; level <= 9; level++)
        {
            builder.Append("<!ENTITY lol").Append(level).Append(" \"");
            for (var i = 0; i < 10; i++)
            {
                builder.Append("&lol").Append(level - 1).Append(';');
            }

            builder.Append("\">");
        }

        return builder.Append("]><xml><Encrypt>&lol9;</Encrypt></xml>").ToString();
    }

    public static string OversizedXml() =>
        "<xml><Encrypt>" + new string('A', CallbackEnvelope.MaxBodyBytes) + "</Encrypt></xml>";

    public static string NestedJsonObjects(int depth) =>
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    public static string NestedJsonArrays(int depth) => new string('[', depth) + new string(']', depth);
}

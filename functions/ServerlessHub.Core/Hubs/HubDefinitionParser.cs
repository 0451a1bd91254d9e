using System.Text;
using ServerlessHub.Hubs.Documents;

namespace ServerlessHub.Hubs;

/// <summary>
/// Reads and validates a hub definition written in YAML or JSON (text whose first character is <c>{</c> or
/// <c>[</c> is read as strict JSON). The format is described by <c>hubs/hub.schema.json</c> and explained in
/// <c>hubs/example.annotated.yaml</c>.
/// </summary>
public static class HubDefinitionParser
{
    /// <summary>
    /// Parses <paramref name="text"/> into a <see cref="HubDefinition"/>, or lists every error found with its path,
    /// code and messages. Returns a result for any text whatsoever; the caller should still refuse bodies over
    /// <see cref="HubDefinitionLimits.MaxDocumentBytes"/> before reading them into a string.
    /// </summary>
    /// <param name="text">The document.</param>
    /// <returns>The definition, or the errors.</returns>
    public static HubDefinitionParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new ErrorList();
        int bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > HubDefinitionLimits.MaxDocumentBytes)
        {
            errors.Add("", null, HubDefinitionErrorCodes.TooLarge,
                $"the document is {bytes} bytes; at most {HubDefinitionLimits.MaxDocumentBytes} are allowed",
                $"文档大小为 {bytes} 字节，最多允许 {HubDefinitionLimits.MaxDocumentBytes} 字节");
            return HubDefinitionParseResult.Failure(errors.ToList());
        }

        string body = text.TrimStart('\uFEFF');
        DocumentNode? root = LooksLikeJson(body) ? JsonDocumentReader.Read(body, errors) : YamlDocumentReader.Read(body, errors);
        HubDefinition? definition = root is null ? null : HubDocumentBinder.Bind(root, errors);
        return definition is not null && !errors.Any
            ? HubDefinitionParseResult.Success(definition)
            : HubDefinitionParseResult.Failure(errors.ToList());
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '{' or '[';
            }
        }

        return false;
    }
}

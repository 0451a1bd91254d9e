using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ServerlessHub.LocalHost.HubFiles;

/// <summary>
/// The top-level <c>id</c> of a hub document, read without validating the rest, so that a remote apply can address
/// the hub (<c>PUT …/manage/hubs/{id}</c>) and let the deployed app, which validates with its own version, list the
/// problems.
/// </summary>
internal static class DocumentHubId
{
    /// <returns>The id, or null when the text is not a YAML or JSON mapping with a string <c>id</c> at its top.</returns>
    public static string? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return body.StartsWith('{') || body.StartsWith('[') ? FromJson(body) : FromYaml(body);
    }

    private static string? FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The event stream, not the object graph: only the top mapping's keys are looked at, nested collections are
    // skipped, and aliases are never expanded.
    private static string? FromYaml(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
            {
                return null;
            }

            while (parser.TryConsume<Scalar>(out var key))
            {
                if (key.Value == "id")
                {
                    return parser.TryConsume<Scalar>(out var value) && value.Value.Length > 0 ? value.Value : null;
                }

                parser.SkipThisAndNestedEvents();
            }

            return null;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return null;
        }
    }
}

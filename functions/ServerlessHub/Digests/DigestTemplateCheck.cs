using System.Globalization;
using ServerlessHub.Hubs;
using ServerlessHub.Replies;

namespace ServerlessHub.Digests;

/// <summary>
/// The template checks of a hub definition that need Scriban, made when it is applied: each of the hub's own templates
/// parses, and each digest names a template that the hub or the built-ins have. Errors come at the template's or the
/// digest's path, as the parser's own do.
/// </summary>
public sealed class DigestTemplateCheck(TemplateRenderer templates)
{
    public IReadOnlyList<HubDefinitionError> Check(HubDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<HubDefinitionError>();
        foreach (var (name, source) in definition.Templates)
        {
            try
            {
                TemplateRenderer.Parse(source, name);
            }
            catch (InvalidDataException ex)
            {
                var path = $"templates.{name}";
                errors.Add(new HubDefinitionError(path, HubDefinitionErrorCodes.BadTemplate,
                    $"{path}: the template does not parse: {ex.Message}", $"{path}：模板有语法错误：{ex.Message}"));
            }
        }

        for (var i = 0; i < definition.Reports.Count; i++)
        {
            var digests = definition.Reports[i].Digests;
            for (var j = 0; j < digests.Count; j++)
            {
                var name = digests[j].Template;
                if (definition.Templates.ContainsKey(name) || templates.Has(DigestBuilder.BuiltInFolder + name))
                {
                    continue;
                }

                var path = string.Create(CultureInfo.InvariantCulture, $"reports[{i}].digests[{j}].template");
                var builtIns = string.Join(", ", templates.Names.Where(n => n.StartsWith(DigestBuilder.BuiltInFolder, StringComparison.Ordinal)).Select(n => n[DigestBuilder.BuiltInFolder.Length..]));
                errors.Add(new HubDefinitionError(path, HubDefinitionErrorCodes.BadTemplate,
                    $"{path}: there is no template '{name}' in the hub's templates or among the built-in ones ({builtIns})",
                    $"{path}：中枢的 templates 和内置模板（{builtIns}）中都没有模板“{name}”"));
            }
        }

        return errors;
    }
}

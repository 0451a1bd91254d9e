namespace ServerlessHub.Hubs.Documents;

/// <summary>A mapping opened against the property names it may hold; unknown names were reported on opening.</summary>
internal sealed class Properties
{
    private readonly Dictionary<string, MappingEntry> entries;

    private Properties(MappingNode node, string path)
    {
        Node = node;
        Path = path;
        entries = node.Entries.ToDictionary(e => e.Key.Value, StringComparer.Ordinal);
    }

    public MappingNode Node { get; }

    public string Path { get; }

    /// <summary>Opens <paramref name="node"/> as a mapping, reporting a non-mapping and every unknown property.</summary>
    public static Properties? Open(DocumentNode node, string path, ErrorList errors, IReadOnlyList<string> known)
    {
        if (node is not MappingNode mapping)
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.ExpectedMapping,
                "expected a mapping of properties (name: value)", "应为属性映射（名称: 值）");
            return null;
        }

        foreach (MappingEntry entry in mapping.Entries)
        {
            string name = entry.Key.Value;
            if (known.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            string? close = Suggestion.Closest(name, known);
            string where = Join(path, Excerpt.Of(name));
            if (close is null)
            {
                errors.Add(where, entry.Key.Position, HubDefinitionErrorCodes.UnknownProperty,
                    $"unknown property '{Excerpt.Of(name)}'; expected one of {string.Join(", ", known)}",
                    $"未知属性 '{Excerpt.Of(name)}'，可用的属性为 {string.Join("、", known)}");
            }
            else
            {
                errors.Add(where, entry.Key.Position, HubDefinitionErrorCodes.UnknownProperty,
                    $"unknown property '{Excerpt.Of(name)}'; did you mean '{close}'?",
                    $"未知属性 '{Excerpt.Of(name)}'，是否应为 '{close}'？");
            }
        }

        return new Properties(mapping, path);
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>The value of <paramref name="name"/>, or null when it is absent or written as null.</summary>
    public DocumentNode? this[string name] =>
        entries.TryGetValue(name, out MappingEntry? entry) && entry.Value is not ScalarNode { IsNull: true } ? entry.Value : null;

    public string PathOf(string name) => Join(Path, name);
}

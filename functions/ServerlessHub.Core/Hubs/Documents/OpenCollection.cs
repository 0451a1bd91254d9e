namespace ServerlessHub.Hubs.Documents;

/// <summary>A mapping or list being read: collects entries, rejecting duplicate keys.</summary>
internal sealed class OpenCollection(SourcePosition position, bool isMapping)
{
    private readonly List<DocumentNode> items = [];
    private readonly List<MappingEntry> entries = [];
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private ScalarNode? pendingKey;

    public bool ExpectsKey => isMapping && pendingKey is null;

    public bool Add(DocumentNode node, ErrorList errors)
    {
        if (!isMapping)
        {
            items.Add(node);
            return true;
        }

        if (pendingKey is null)
        {
            var key = (ScalarNode)node;
            if (!keys.Add(key.Value))
            {
                errors.AddSyntax(key.Position, HubDefinitionErrorCodes.DuplicateKey,
                    $"key '{Excerpt.Of(key.Value)}' appears twice in this mapping",
                    $"键 '{Excerpt.Of(key.Value)}' 在同一映射中出现了两次");
                return false;
            }

            pendingKey = key;
            return true;
        }

        entries.Add(new MappingEntry(pendingKey, node));
        pendingKey = null;
        return true;
    }

    public DocumentNode ToNode() => isMapping ? new MappingNode(position, entries) : new SequenceNode(position, items);
}

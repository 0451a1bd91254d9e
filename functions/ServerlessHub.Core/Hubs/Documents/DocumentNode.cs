namespace ServerlessHub.Hubs.Documents;

/// <summary>A 1-based line and column in the source text.</summary>
internal readonly record struct SourcePosition(int Line, int Column);

/// <summary>
/// The parsed document as a plain tree: the common ground of the YAML and the JSON reader, so the binder gives
/// both the same paths, codes and messages.
/// </summary>
internal abstract record DocumentNode(SourcePosition Position);

/// <summary>A scalar as written. <see cref="IsPlain"/> is false for quoted and block scalars, which are always
/// strings; plain scalars may also be null (<c>null</c>, <c>~</c>, nothing), booleans or numbers.</summary>
internal sealed record ScalarNode(SourcePosition Position, string Value, bool IsPlain) : DocumentNode(Position)
{
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record SequenceNode(SourcePosition Position, IReadOnlyList<DocumentNode> Items) : DocumentNode(Position);

internal sealed record MappingEntry(ScalarNode Key, DocumentNode Value);

/// <summary>A mapping with its entries in document order; keys are unique (readers reject duplicates).</summary>
internal sealed record MappingNode(SourcePosition Position, IReadOnlyList<MappingEntry> Entries) : DocumentNode(Position);

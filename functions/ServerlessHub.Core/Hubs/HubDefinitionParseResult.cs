using System.Diagnostics.CodeAnalysis;

namespace ServerlessHub.Hubs;

/// <summary>The outcome of <see cref="HubDefinitionParser.Parse"/>: a definition, or the errors that prevent one.</summary>
public sealed record HubDefinitionParseResult
{
    private HubDefinitionParseResult(HubDefinition? definition, IReadOnlyList<HubDefinitionError> errors)
    {
        Definition = definition;
        Errors = errors;
    }

    /// <summary>The definition, when the document is valid.</summary>
    public HubDefinition? Definition { get; }

    /// <summary>Every error found (at most <see cref="HubDefinitionLimits.MaxErrors"/>, then one
    /// <see cref="HubDefinitionErrorCodes.TooManyErrors"/>), roughly in document order (sections are checked in dependency order: units, people, channels, reports); empty when valid.</summary>
    public IReadOnlyList<HubDefinitionError> Errors { get; }

    /// <summary>Whether the document is valid.</summary>
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null;

    internal static HubDefinitionParseResult Success(HubDefinition definition) => new(definition, []);

    internal static HubDefinitionParseResult Failure(IReadOnlyList<HubDefinitionError> errors) => new(null, errors);
}

using ServerlessHub.Digests;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary>The result of applying a hub document: stored (or unchanged), or refused with errors.</summary>
public abstract record HubApplyResult
{
    public sealed record Applied(string HubId, HubApplyOutcome Outcome, int Version) : HubApplyResult;

    public sealed record Invalid(IReadOnlyList<HubDefinitionError> Errors) : HubApplyResult;

    /// <summary>The document's id is not the hub it was applied to.</summary>
    public sealed record WrongHub(string DocumentHubId) : HubApplyResult;
}

/// <summary>Validates and stores hub definitions; the admin API and the <c>hub apply</c> command both come here.</summary>
public sealed class HubDefinitions(HubStore store, HubCatalog catalog, DigestTemplateCheck templates, TimeProvider time, ILogger<HubDefinitions> logger)
{
    /// <param name="document">YAML or JSON text of at most 256 KiB.</param>
    /// <param name="expectedHubId">The hub the caller means (the route's), or null to take the document's id.</param>
    /// <param name="appliedBy">Who applied it, for the version history.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public async Task<HubApplyResult> ApplyAsync(string document, string? expectedHubId, string appliedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var parsed = HubDefinitionParser.Parse(document);
        if (!parsed.Succeeded)
        {
            return new HubApplyResult.Invalid(parsed.Errors);
        }

        if (templates.Check(parsed.Definition!) is { Count: > 0 } templateErrors)
        {
            return new HubApplyResult.Invalid(templateErrors);
        }

        var hubId = parsed.Definition!.Id;
        if (expectedHubId is not null && !string.Equals(expectedHubId, hubId, StringComparison.Ordinal))
        {
            return new HubApplyResult.WrongHub(hubId);
        }

        var (outcome, version) = await store.ApplyAsync(hubId, document, appliedBy, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        catalog.Forget(hubId);
        HubLog.HubApplied(logger, hubId, appliedBy, outcome, version);
        return new HubApplyResult.Applied(hubId, outcome, version);
    }
}

using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.LocalHost.HubFiles;

/// <summary>What applying one hub definition file came to, whether it was applied to storage or to a deployed app.</summary>
internal abstract record FileApplyResult
{
    /// <summary>Stored as a new version, or unchanged.</summary>
    public sealed record Applied(string HubId, HubApplyOutcome Outcome, int Version) : FileApplyResult;

    /// <summary>The definition is invalid; each problem is one message, in the language asked for.</summary>
    public sealed record Invalid(IReadOnlyList<string> Problems) : FileApplyResult;

    /// <summary>Nothing was applied for another reason (a refused key, an unreachable endpoint), in the language asked for.</summary>
    public sealed record Failed(string Reason) : FileApplyResult;
}

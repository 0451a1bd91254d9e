using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServerlessHub.Access;

/// <summary>How API keys are checked (section <c>ApiKeys</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>
    /// How long an instance remembers a valid key, so a hot endpoint does not pay a storage read per request. A key
    /// revoked through this instance stops at once; one revoked through another instance (or the command line), or
    /// whose expiry passes, stops within this time — never later, as a key is remembered no longer than it is valid.
    /// Default 60 s; 0 (read storage on every request) to 60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A key's "last used" time is written at most once per this interval per key and instance, so using a key costs
    /// no storage write per request; the time shown is therefore up to this much old. Default 5 min; 0 (every request)
    /// to 1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LastUsedInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Checks the attributes above with code generated at build time rather than reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>;

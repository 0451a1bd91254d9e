using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServerlessHub.Inbound;

/// <summary>How WeCom callbacks are accepted (section <c>Inbound</c>).</summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>
    /// How far a callback's timestamp may be from this server's clock before it is refused as a replay.
    /// Default 10 min (WeCom redelivers within seconds); 1 min–1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CallbackClockSkew { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Checks the attributes above with code generated at build time rather than reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class InboundOptionsValidator : IValidateOptions<InboundOptions>;

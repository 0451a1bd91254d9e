using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServerlessHub.LocalHost;

/// <summary>How the local host runs the app (section <c>LocalHost</c>).</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>
    /// How long shutdown waits for in-flight queue messages and timer runs before cancelling them; a cancelled message
    /// reappears on its queue after host.json's visibilityTimeout. Default 10 s; 0–5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this instance listens to queues and runs timers. Default true; false makes an HTTP-only instance.</summary>
    public bool RunTriggers { get; set; } = true;
}

/// <summary>Checks the attributes above with code generated at build time rather than reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class LocalHostOptionsValidator : IValidateOptions<LocalHostOptions>;

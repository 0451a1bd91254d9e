using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServerlessHub.Runtime;

/// <summary>How the standalone runtime drives triggers (section <c>Runtime</c>).</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>
    /// How long shutdown waits for in-flight queue messages and timer runs to finish before cancelling them and
    /// releasing their messages to other instances. Default 10 s; 0–5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a received message stays invisible to other instances while it is processed; renewed at half-time,
    /// as the Functions host does. Default 10 min; 10 s–1 h.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first polling delay after an empty receive, doubled up to host.json's maxPollingInterval. Default 100 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether this instance listens to queues and runs timers. Default true; false makes an HTTP-only instance.</summary>
    public bool RunTriggers { get; set; } = true;
}

/// <summary>Checks the attributes above with code generated at build time rather than reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class RuntimeOptionsValidator : IValidateOptions<RuntimeOptions>;

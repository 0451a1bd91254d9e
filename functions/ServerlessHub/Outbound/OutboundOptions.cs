using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServerlessHub.Outbound;

/// <summary>How fast the <c>outbound</c> function may send, and how long it waits in-process for its turn.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>Messages one group robot may get per <see cref="RateWindow"/>. Default 20, WeCom's robot limit (document 91770); 1–1000.</summary>
    [Range(1, 1000)]
    public int RobotMessagesPerWindow { get; set; } = 20;

    /// <summary>
    /// App messages one member may get from one app per <see cref="RateWindow"/>, counted across every message naming
    /// them (a message to several members counts once for each). Default 30, WeCom's reported per-member limit (excess
    /// is dropped silently by WeCom); 1–1000.
    /// </summary>
    [Range(1, 1000)]
    public int AppMessagesPerWindow { get; set; } = 30;

    /// <summary>
    /// The rolling window both limits count in. Default one minute, as WeCom counts; 100 ms–1 h. Tests and benchmarks
    /// shorten it (together with the simulator's <c>RobotRateWindow</c>) to measure the limiter quickly.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Extra spacing added to the window, covering the time between a send's reservation and its arrival at WeCom and
    /// clock differences between instances. Default 1 s; 0–1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RateMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest an invocation waits in-process for a send slot; a longer wait puts the message back on the queue,
    /// invisible until its turn, so waiting costs no instance time. Default 10 s; 0–1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a message waits on the queue after its first transient failure (WeCom busy, HTTP 5xx, timeout, dropped
    /// connection); each further failure doubles the wait, up to <see cref="MaxRetryDelay"/>, with ±20 % jitter so
    /// messages that failed together do not return together. Default 5 s; 1 s–1 h.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts. Default 5 min; 1 s–1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts of one part before it is given up and moved to the poison queue with its last error. Default 8
    /// (about 10 minutes of retrying with the default delays); 1–50.
    /// </summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the attempt after <paramref name="failedAttempts"/> failures, before jitter.</summary>
    public TimeSpan RetryDelayAfter(int failedAttempts)
    {
        var doubled = RetryDelay.TotalSeconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(doubled, MaxRetryDelay.TotalSeconds));
    }
}

/// <summary>Where the WeCom API is: the public host in production, the simulator in tests and local runs.</summary>
public sealed class WeComConnectionOptions
{
    public const string Section = "WeCom";

    /// <summary>The API host. Default <c>https://qyapi.weixin.qq.com</c>; AI-bot response_urls must be on this host.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://qyapi.weixin.qq.com");

    /// <summary>How long one WeCom call may take. Default 10 s; 1 s–5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Checks the attributes above with code generated at build time rather than reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class OutboundOptionsValidator : IValidateOptions<OutboundOptions>;

/// <summary>Checks the attributes above with code generated at build time rather than reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class WeComConnectionOptionsValidator : IValidateOptions<WeComConnectionOptions>;

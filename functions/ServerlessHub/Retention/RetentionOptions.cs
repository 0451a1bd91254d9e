using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServerlessHub.Retention;

/// <summary>
/// How long bookkeeping rows are kept before the tick's retention sweep deletes them (section <c>Retention</c>).
/// Submissions, revisions, leave records, hub versions and keys are records, not bookkeeping: they are never swept.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// The <c>inbound</c> table's one-effect-per-message rows. WeCom redelivers an unanswered callback within seconds
    /// and a queue message is retried for minutes before it is poisoned; a week also covers a poison message put back
    /// by hand after a weekend. Default 7 days; 1–365 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan InboundDedupe { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The <c>runclaims</c> table's claims. A claim only guards its own occurrence (a minute's tick, an hour's 催报);
    /// a month of them is kept to answer "which instance ran what" after an incident. Default 30 days; 2–3650 days.
    /// </summary>
    [Range(typeof(TimeSpan), "2.00:00:00", "3650.00:00:00")]
    public TimeSpan RunClaims { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The <c>outbox</c> table's delivery records (status, errcode), by the hub-local date of the first attempt. They
    /// answer "was this unit reminded, did WeCom accept it" for as long as such questions come up: a quarter, the
    /// longest common reporting cycle. Default 90 days; 1–3650 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Outbox { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Idempotency records (the first answer to a request with an <c>Idempotency-Key</c>) of submissions and leave.
    /// Clients retry within minutes or hours; a week is generous. A retry after that is treated as a new request.
    /// Default 7 days; 1–365 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan IdempotencyRecords { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often the tick sweeps: on the tick whose window crosses a multiple of this interval (UTC). Default 1 h;
    /// 1 min–1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The most rows one sweep deletes from each table, so a first sweep over a long history cannot hold up the tick;
    /// what is left goes in the next sweeps. Default 1000; 100–100000.
    /// </summary>
    [Range(100, 100_000)]
    public int MaxDeletesPerSweep { get; set; } = 1000;
}

/// <summary>Checks the attributes above with code generated at build time rather than reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServerlessHub.Reminders;

/// <summary>How reminders are scheduled and sent (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>
    /// The longest a reminder waits invisible on the queue in one hop; a longer wait is chained. Azure allows 7 days;
    /// default 6 days. Shorter values only cost a few more queue messages (tests use seconds). 1 s–6 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "6.00:00:00")]
    public TimeSpan MaxQueueDelay { get; set; } = TimeSpan.FromDays(6);

    /// <summary>
    /// A reminder sent this much later than its step's time carries a note that it was sent late (the app was down, or
    /// the queue was behind). Default 10 min; 1 min–1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A liaison urged by hand (催报) this recently is not reminded again by the ladder's next submitter step. Default
    /// 12 h; 0 (manual urges never count) to 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan UrgedRecently { get; set; } = TimeSpan.FromHours(12);
}

[OptionsValidator]
internal sealed partial class ReminderOptionsValidator : IValidateOptions<ReminderOptions>;

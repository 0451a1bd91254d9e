using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessHub.Hubs;

namespace ServerlessHub.Reminders;

/// <summary>
/// A request to send one ladder step of one period, put on the <c>reminders</c> queue with a visibility delay until
/// <see cref="SendAt"/> (chained in hops when that is further than a queue can delay). <see cref="Step"/> names the
/// step as it was scheduled, so a ladder edited meanwhile is noticed. <see cref="SentByHand"/> marks a step an operator
/// runs now (<c>reminders send</c>): it goes out at once, whatever the sending hours; still once per recipient.
/// </summary>
public sealed record ReminderDue(string HubId, string ReportId, string PeriodKey, int StepIndex, string Step, DateTimeOffset SendAt, bool SentByHand = false)
{
    /// <summary>A step's identity: its offset, audience and channel, e.g. <c>+1wd coordinator office-chat</c>.</summary>
    public static string Describe(ReminderStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return $"{step.Offset} {step.Audience.ToString().ToLowerInvariant()} {step.ChannelId ?? "-"}";
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReminderDue))]
internal sealed partial class ReminderJsonContext : JsonSerializerContext;

using System.Text.Json;
using Microsoft.Extensions.Options;
using ServerlessHub.Storage;

namespace ServerlessHub.Reminders;

/// <summary>Puts reminders on the <c>reminders</c> queue, invisible until they are due (or until the next hop).</summary>
public sealed class ReminderScheduler(StorageAccount storage, IOptions<ReminderOptions> options, TimeProvider time)
{
    public const string QueueName = "reminders";

    /// <summary>Queues <paramref name="due"/> to become visible at its send time, or after the longest hop if that is sooner.</summary>
    public async Task ScheduleAsync(ReminderDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var wait = due.SendAt - time.GetUtcNow();
        var hop = wait <= TimeSpan.Zero ? (TimeSpan?)null : TimeSpan.FromSeconds(Math.Ceiling(Math.Min(wait.TotalSeconds, options.Value.MaxQueueDelay.TotalSeconds)));
        await storage.GetQueue(QueueName).SendCreatingAsync(JsonSerializer.Serialize(due, ReminderJsonContext.Default.ReminderDue), hop, cancellationToken).ConfigureAwait(false);
    }
}

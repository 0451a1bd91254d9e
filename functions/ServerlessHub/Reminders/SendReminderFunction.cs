using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Poison;

namespace ServerlessHub.Reminders;

/// <summary>The <c>reminders</c> queue function: sends a ladder step that became visible (or chains its next hop).</summary>
public sealed partial class SendReminderFunction(ReminderSender sender, QueueAttempts attempts, ILogger<SendReminderFunction> logger)
{
    /// <param name="message">A <see cref="ReminderDue"/> as JSON.</param>
    /// <param name="id">The queue message id, which owns the claims this attempt makes.</param>
    /// <param name="dequeueCount">This attempt's number, from 1: the last one records its error for the poison list.</param>
    [Function("SendReminder")]
    public Task RunAsync([QueueTrigger(ReminderScheduler.QueueName)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        attempts.RunAsync(ReminderScheduler.QueueName, id, message, dequeueCount, () => HandleAsync(message, id, cancellationToken));

    private async Task HandleAsync(string message, string id, CancellationToken cancellationToken)
    {
        ReminderDue? due;
        try
        {
            due = JsonSerializer.Deserialize(message, ReminderJsonContext.Default.ReminderDue);
        }
        catch (JsonException)
        {
            due = null;
        }

        if (due is null)
        {
            // Only the app writes this queue; an unreadable message can never succeed, so it is not retried.
            Unreadable(logger, id);
            return;
        }

        await sender.SendAsync(due, id, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(1712, LogLevel.Warning, "Reminder queue message {QueueMessageId} is not a reminder; dropped", EventName = "ReminderUnreadable")]
    private static partial void Unreadable(ILogger logger, string queueMessageId);
}

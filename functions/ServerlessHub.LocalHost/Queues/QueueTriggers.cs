using Microsoft.Azure.WebJobs;
using ServerlessHub.Inbound;
using ServerlessHub.Outbound;
using ServerlessHub.Reminders;

namespace ServerlessHub.LocalHost.Queues;

/// <summary>
/// The worker's queue functions as the WebJobs SDK finds them. The SDK ignores the worker's attributes (and refuses a
/// method with both kinds), so each queue function gets one line here that names it, binds the same queue and
/// metadata, and calls the worker's function class: both hosts run one function body. Start-up checks that every
/// worker queue function has its line, with the same queue.
/// </summary>
public sealed class QueueTriggers(IServiceProvider services)
{
    [FunctionName("InboundChat")]
    public Task InboundChatAsync([QueueTrigger(InboundChatFunction.QueueName)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        ActivatorUtilities.CreateInstance<InboundChatFunction>(services).RunAsync(message, id, dequeueCount, cancellationToken);

    [FunctionName("Outbound")]
    public Task OutboundAsync([QueueTrigger(OutboundQueues.QueueName)] string text, string id, long dequeueCount, DateTimeOffset insertionTime, CancellationToken cancellationToken) =>
        ActivatorUtilities.CreateInstance<OutboundFunction>(services).RunAsync(text, id, dequeueCount, insertionTime, cancellationToken);

    [FunctionName("SendReminder")]
    public Task SendReminderAsync([QueueTrigger(ReminderScheduler.QueueName)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        ActivatorUtilities.CreateInstance<SendReminderFunction>(services).RunAsync(message, id, dequeueCount, cancellationToken);
}

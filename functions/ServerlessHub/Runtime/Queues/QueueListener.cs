using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ServerlessHub.Runtime.Invocation;

namespace ServerlessHub.Runtime.Queues;

/// <summary>
/// Drives one queue-triggered function with the Functions queue-trigger semantics: batches of
/// <c>batchSize</c>, a new batch when in-flight work falls to <c>newBatchThreshold</c>, the message deleted on
/// success, made visible again after <c>visibilityTimeout</c> on failure, and moved to <c>&lt;queue&gt;-poison</c>
/// with its original body after <c>maxDequeueCount</c> failed attempts.
/// </summary>
internal sealed class QueueListener(
    FunctionDefinition function,
    QueueClient queue,
    QueueClient poisonQueue,
    QueueTriggerSettings settings,
    RuntimeOptions options,
    FunctionInvoker invoker,
    TimeProvider time,
    ILogger logger)
{
    private readonly QueueTrigger _trigger = (QueueTrigger)function.Trigger;
    private readonly ConcurrentDictionary<string, InFlightMessage> _inFlight = new();
    private readonly PollingBackoff _backoff = new(options.MinPollingInterval, settings.MaxPollingInterval, Random.Shared);
    private bool _poisonQueueCreated;

    public string QueueName => queue.Name;

    /// <summary>Receives and dispatches messages until <paramref name="stopping"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        RuntimeLog.QueueListenerStarted(logger, queue.Name, function.Name, settings.BatchSize, settings.MaxDequeueCount);
        var created = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stopping).ConfigureAwait(false);
                    created = true;
                }

                while (_inFlight.Count > settings.NewBatchThreshold)
                {
                    await Task.WhenAny(_inFlight.Values.Select(m => m.Completion)).WaitAsync(stopping).ConfigureAwait(false);
                }

                QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, options.MessageLease, stopping).ConfigureAwait(false);
                foreach (var message in messages)
                {
                    var inFlight = new InFlightMessage(message);
                    _inFlight[message.MessageId] = inFlight;
                    inFlight.Completion = Task.Run(() => ProcessAsync(inFlight), CancellationToken.None);
                }

                await Task.Delay(_backoff.Next(messages.Length > 0), time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex.IsStorageFailure())
            {
                RuntimeLog.QueuePollFailed(logger, ex, queue.Name);
                await DelayQuietlyAsync(settings.MaxPollingInterval, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits up to <paramref name="grace"/> for in-flight messages, then cancels the rest and makes their messages
    /// visible at once so that another instance picks them up.
    /// </summary>
    public async Task DrainAsync(TimeSpan grace)
    {
        var pending = _inFlight.Values.Select(m => m.Completion).ToArray();
        var all = Task.WhenAll(pending);
        await Task.WhenAny(all, Task.Delay(grace, time)).ConfigureAwait(false);
        var unfinished = _inFlight.Values.ToArray();
        foreach (var message in unfinished)
        {
            await message.Cancellation.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(unfinished.Select(m => m.Completion)).ConfigureAwait(false);
        if (unfinished.Length > 0)
        {
            RuntimeLog.MessagesReleased(logger, unfinished.Length, queue.Name);
        }
    }

    private async Task ProcessAsync(InFlightMessage message)
    {
        var received = message.Received;
        try
        {
            if (received.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message).ConfigureAwait(false);
                return;
            }

            InvocationOutcome outcome;
            using (var renewal = CancellationTokenSource.CreateLinkedTokenSource(message.Cancellation.Token))
            {
                var renewing = RenewLeaseAsync(message, renewal.Token);
                try
                {
                    var request = FunctionInvoker.QueueRequest(
                        function, _trigger, received.Body.ToString(), received.MessageId, received.DequeueCount,
                        received.InsertedOn, received.ExpiresOn, received.NextVisibleOn, message.PopReceipt, time.GetUtcNow());
                    outcome = await invoker.InvokeAsync(function.Name, request, Guid.NewGuid().ToString(), message.Cancellation.Token).ConfigureAwait(false);
                }
                finally
                {
                    await renewal.CancelAsync().ConfigureAwait(false);
                    await renewing.ConfigureAwait(false);
                }
            }

            if (outcome is InvocationOutcome.Succeeded)
            {
                await DeleteAsync(message).ConfigureAwait(false);
            }
            else if (received.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message).ConfigureAwait(false);
            }
            else
            {
                await SetVisibilityAsync(message, settings.VisibilityTimeout).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (message.Cancellation.IsCancellationRequested)
        {
            await SetVisibilityAsync(message, TimeSpan.Zero).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex.IsStorageFailure())
        {
            // Deleting, releasing or poisoning failed; the message reappears when its lease ends and is tried again.
            RuntimeLog.MessageSettleFailed(logger, ex, received.MessageId, queue.Name);
        }
        finally
        {
            _inFlight.TryRemove(received.MessageId, out _);
            message.Cancellation.Dispose();
        }
    }

    private async Task RenewLeaseAsync(InFlightMessage message, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.MessageLease / 2, time, cancellationToken).ConfigureAwait(false);
                var receipt = await queue.UpdateMessageAsync(message.Received.MessageId, message.PopReceipt, visibilityTimeout: options.MessageLease, cancellationToken: cancellationToken).ConfigureAwait(false);
                message.PopReceipt = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The lease was lost (the message was deleted, or became visible and was taken); nothing left to renew.
        }
    }

    private async Task DeleteAsync(InFlightMessage message)
    {
        try
        {
            await queue.DeleteMessageAsync(message.Received.MessageId, message.PopReceipt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private async Task SetVisibilityAsync(InFlightMessage message, TimeSpan visibility)
    {
        try
        {
            await queue.UpdateMessageAsync(message.Received.MessageId, message.PopReceipt, visibilityTimeout: visibility, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private async Task MoveToPoisonAsync(InFlightMessage message)
    {
        if (!_poisonQueueCreated)
        {
            await poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            _poisonQueueCreated = true;
        }

        await poisonQueue.SendMessageAsync(message.Received.Body, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        await DeleteAsync(message).ConfigureAwait(false);
        RuntimeLog.MessagePoisoned(logger, message.Received.MessageId, queue.Name, poisonQueue.Name, message.Received.DequeueCount);
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class InFlightMessage(QueueMessage received)
    {
        public QueueMessage Received { get; } = received;

        public CancellationTokenSource Cancellation { get; } = new();

        public string PopReceipt { get; set; } = received.PopReceipt;

        public Task Completion { get; set; } = Task.CompletedTask;
    }
}

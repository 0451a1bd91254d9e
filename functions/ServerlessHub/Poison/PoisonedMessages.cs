using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Poison;

namespace ServerlessHub.Poison;

/// <summary>A message in a poison queue, with the error its last attempt recorded (none when it was not recorded).</summary>
public sealed record PoisonedMessage(string Id, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, long DequeueCount, string Body, PoisonError? Error);

/// <summary>What a replay did: the poison message ids sent back to their queue, and the asked-for ids not seen.</summary>
public sealed record ReplayResult(IReadOnlyList<string> Replayed, IReadOnlyList<string> NotFound);

/// <summary>
/// Reads the poison queue of one of the app's queues and puts its messages back. Both work on at most
/// <see cref="MaxMessages"/> messages, the most a queue returns per call.
/// </summary>
public sealed class PoisonedMessages(StorageAccount storage, PoisonErrorStore errors, ILogger<PoisonedMessages> logger)
{
    /// <summary>The most messages one peek or receive returns (an Azure Queue Storage limit).</summary>
    public const int MaxMessages = 32;

    /// <summary>How long the messages a replay receives stay hidden from other readers while it works on them.</summary>
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(1);

    /// <summary>The first <paramref name="max"/> visible messages, without hiding or changing them.</summary>
    public async Task<IReadOnlyList<PoisonedMessage>> PeekAsync(string queueName, int max, CancellationToken cancellationToken)
    {
        PeekedMessage[] peeked;
        try
        {
            peeked = (await Poison(queueName).PeekMessagesAsync(max, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        var listed = peeked.Select(async m =>
        {
            var body = m.Body.ToString();
            var error = await errors.GetAsync(queueName, body, cancellationToken).ConfigureAwait(false);
            return new PoisonedMessage(m.MessageId, m.InsertedOn, m.ExpiresOn, m.DequeueCount, body, error);
        });
        return await Task.WhenAll(listed).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the visible messages named by <paramref name="messageIds"/> (all of them when null) back to their queue with
    /// their bodies as they are, then deletes them from the poison queue and forgets their errors.
    /// </summary>
    /// <param name="by">Who asked, for the log.</param>
    public async Task<ReplayResult> ReplayAsync(string queueName, IReadOnlySet<string>? messageIds, string? by, CancellationToken cancellationToken)
    {
        var poison = Poison(queueName);
        QueueMessage[] received;
        try
        {
            received = (await poison.ReceiveMessagesAsync(MaxMessages, HoldFor, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            received = [];
        }

        var target = storage.GetQueue(queueName);
        var replayed = new List<string>();
        foreach (var message in received)
        {
            if (messageIds is not null && !messageIds.Contains(message.MessageId))
            {
                // Not asked for: visible again at once, for the next list or replay.
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Sent first, deleted after, so a message is never lost: a failure in between leaves it in both queues and it
            // runs twice, which every queue function here tolerates (inbound claims each WeCom MsgId once, outbound skips
            // parts its outbox records as sent, reminders claim each step and recipient once).
            var body = message.Body.ToString();
            await target.SendCreatingAsync(body, null, cancellationToken).ConfigureAwait(false);
            try
            {
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Held longer than HoldFor and taken by another replay, which sends it again: harmless, as above.
                PoisonLog.HoldExpired(logger, queueName, message.MessageId);
            }

            await errors.DeleteAsync(queueName, body, cancellationToken).ConfigureAwait(false);
            replayed.Add(message.MessageId);
        }

        var notFound = messageIds?.Except(replayed, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
        PoisonLog.Replayed(logger, queueName, replayed.Count, notFound.Count, by);
        return new ReplayResult(replayed, notFound);
    }

    private QueueClient Poison(string queueName) => storage.GetQueue(PoisonServices.PoisonQueueOf(queueName));
}

using Microsoft.Extensions.Options;
using ServerlessHub.Storage.Outbound;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

/// <summary>
/// Sends a message's parts in order, each at most once: a part whose outbox row says sent is skipped, so a retried or
/// re-enqueued message resumes where it stopped. Each part waits for its turn under the destination's rate limit.
/// </summary>
public sealed class MessageDelivery(OutboxStore outbox, SendRateLimiter limiter, PartSender sender, IOptions<OutboundOptions> options, TimeProvider time)
{
    // Covers every retry of a part: the longest back-off schedule (MaxAttempts × MaxRetryDelay at their defaults) and
    // a crashed instance's message returning after its visibility timeout.
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(1);

    /// <param name="hubId">The hub.</param>
    /// <param name="date">The outbox date of the message.</param>
    /// <param name="message">The message.</param>
    /// <param name="target">Its resolved destination.</param>
    /// <param name="parts">Its content split to fit the destination.</param>
    /// <param name="note">Recorded with every part, e.g. that the content was cut.</param>
    /// <param name="redelivered">
    /// The queue delivered this message before: an earlier attempt may have stopped (the process died) after WeCom
    /// accepted a part and before the outbox recorded it.
    /// </param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    public async Task<DeliveryOutcome> DeliverAsync(
        string hubId, DateOnly date, SendMessage message, DeliveryTarget target, IReadOnlyList<string> parts, string? note, bool redelivered, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scope = target switch
        {
            RobotTarget robot => robot.Scope(settings),
            AppMessageTarget people => people.Scope(settings),
            _ => null,
        };

        for (var i = 0; i < parts.Count; i++)
        {
            var deliveryId = $"{message.DeliveryId}#{i + 1}";
            var entry = await outbox.GetAsync(hubId, date, deliveryId, cancellationToken).ConfigureAwait(false);
            if (entry?.Status == OutboxStatus.Sent)
            {
                continue;
            }

            var now = time.GetUtcNow();
            entry = (entry ?? new OutboxEntry(hubId, date, deliveryId, target.Description, OutboxStatus.Pending, null, null, 0, now, now, [], [], note))
                with { Destination = target.Description, LastAttemptAt = now };
            if (scope is not null && await limiter.WaitForTurnAsync(scope, cancellationToken).ConfigureAwait(false) is { } wait)
            {
                var reason = $"等待发送频率限制，约 {Math.Ceiling(wait.TotalSeconds)} 秒后发送";
                await outbox.SaveAsync(entry with { Status = OutboxStatus.Pending, ErrorCode = null, ErrorMessage = reason }, cancellationToken).ConfigureAwait(false);
                return new DeliveryOutcome.Deferred(wait, reason);
            }

            // A part tried before may have reached WeCom even though its call failed (a timeout, a dropped answer, a
            // process killed before the outbox was written): resend it with WeCom's duplicate check where there is one.
            var mayRepeat = redelivered || entry.Attempts > 0;
            entry = entry with { Attempts = entry.Attempts + 1, LastAttemptAt = time.GetUtcNow() };
            try
            {
                var receipt = await sender.SendAsync(target, message.Format, parts[i], i == 0 ? message.Mentions : null, mayRepeat ? RepeatWindow : null, cancellationToken).ConfigureAwait(false);
                await outbox.SaveAsync(
                    entry with { Status = OutboxStatus.Sent, ErrorCode = null, ErrorMessage = null, InvalidUsers = receipt.InvalidUsers, InvalidParties = receipt.InvalidParties },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (WeComApiException ex)
            {
                var failed = entry with { ErrorCode = ex.ErrorCode, ErrorMessage = ex.ErrorMessage ?? ex.Message };
                if (ex.ErrorCode == WeComErrorCodes.FrequencyLimited)
                {
                    // WeCom's own limit struck (another sender shares the robot, or per-member limits): wait a whole
                    // window as a fresh message, so backing off never counts towards the poison limit.
                    await outbox.SaveAsync(failed with { Status = OutboxStatus.Pending }, cancellationToken).ConfigureAwait(false);
                    return new DeliveryOutcome.Deferred(settings.RateWindow, "45009");
                }

                if (ex.IsTransient)
                {
                    await outbox.SaveAsync(failed with { Status = OutboxStatus.Pending }, cancellationToken).ConfigureAwait(false);
                    return new DeliveryOutcome.Interrupted(failed, ex);
                }

                failed = failed with { Status = OutboxStatus.Failed };
                await outbox.SaveAsync(failed, cancellationToken).ConfigureAwait(false);
                return new DeliveryOutcome.Refused(failed);
            }
        }

        return new DeliveryOutcome.Delivered(parts.Count);
    }
}

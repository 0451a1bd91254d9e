using System.Text.Json;

namespace ServerlessHub.WeCom.Simulation.Recording;

/// <summary>Every message the simulator accepted, in arrival order, kept in memory.</summary>
public sealed class MessageLog(TimeProvider timeProvider, ILogger<WeComSimulator> logger)
{
    private readonly Lock sync = new();
    private readonly List<RecordedMessage> messages = [];

    /// <summary>A copy of the messages received so far.</summary>
    public IReadOnlyList<RecordedMessage> Snapshot()
    {
        lock (sync)
        {
            return [.. messages];
        }
    }

    /// <summary>Forgets every message.</summary>
    public void Clear()
    {
        lock (sync)
        {
            messages.Clear();
        }
    }

    internal RecordedMessage Record(
        SimulatedChannel channel, string destination, string? recipients, string messageType, string content, IReadOnlyList<string> mentions, JsonElement body) =>
        Record(channel, destination, recipients, messageType, content, mentions, body, duplicateWindow: null).Message;

    /// <summary>
    /// Records a message, unless <paramref name="duplicateWindow"/> is given and the same content reached the same
    /// destination and recipients within it (WeCom's <c>enable_duplicate_check</c>): then answers the earlier one.
    /// </summary>
    internal (RecordedMessage Message, bool Duplicate) Record(
        SimulatedChannel channel, string destination, string? recipients, string messageType, string content, IReadOnlyList<string> mentions, JsonElement body, TimeSpan? duplicateWindow)
    {
        RecordedMessage message;
        lock (sync)
        {
            if (duplicateWindow is { } window)
            {
                var since = timeProvider.GetUtcNow() - window;
                var earlier = messages.FindLast(m => m.ReceivedAt >= since && m.Channel == channel && m.Destination == destination
                    && m.Recipients == recipients && m.MessageType == messageType && m.Content == content);
                if (earlier is not null)
                {
                    return (earlier, true);
                }
            }

            message = new RecordedMessage(
                messages.Count + 1, channel, destination, recipients, messageType, content, mentions, timeProvider.GetUtcNow(), body.Clone());
            messages.Add(message);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var channelName = ChannelNames.Chinese(channel);
            var preview = Preview(content);
            SimulatorLog.MessageReceived(logger, message.Sequence, channelName, destination, recipients ?? "", messageType, content.Length, preview);
        }

        return (message, false);
    }

    private static string Preview(string content)
    {
        var firstLine = content.AsSpan().TrimStart();
        var end = firstLine.IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            firstLine = firstLine[..end];
        }

        return firstLine.Length > 60 ? string.Concat(firstLine[..60], "…") : firstLine.ToString();
    }
}

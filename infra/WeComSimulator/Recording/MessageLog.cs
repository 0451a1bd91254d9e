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
        SimulatedChannel channel, string destination, string? recipients, string messageType, string content, IReadOnlyList<string> mentions, JsonElement body)
    {
        RecordedMessage message;
        lock (sync)
        {
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

        return message;
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

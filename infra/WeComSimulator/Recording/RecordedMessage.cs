using System.Text.Json;

namespace ServerlessHub.WeCom.Simulation.Recording;

/// <summary>A message the simulator accepted, as it arrived.</summary>
/// <param name="Sequence">Arrival order, from 1.</param>
/// <param name="Channel">The surface that received it.</param>
/// <param name="Destination">The robot key, <c>agent {agentid}</c>, the chat id, or the AI bot's response code.</param>
/// <param name="Recipients">For app messages, <c>touser / toparty / totag</c> as sent; otherwise <see langword="null"/>.</param>
/// <param name="MessageType">The <c>msgtype</c>.</param>
/// <param name="Content">The content; for a text card its title, description and URL on separate lines.</param>
/// <param name="Mentions">Robot text @-mentions (<c>mentioned_list</c> then <c>mentioned_mobile_list</c>).</param>
/// <param name="ReceivedAt">When it arrived, by the simulator's clock.</param>
/// <param name="Body">The request body exactly as received.</param>
public sealed record RecordedMessage(
    long Sequence,
    SimulatedChannel Channel,
    string Destination,
    string? Recipients,
    string MessageType,
    string Content,
    IReadOnlyList<string> Mentions,
    DateTimeOffset ReceivedAt,
    JsonElement Body);

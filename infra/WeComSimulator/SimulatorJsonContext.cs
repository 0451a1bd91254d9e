using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessHub.WeComSimulator.Inspection;
using ServerlessHub.WeComSimulator.Recording;
using ServerlessHub.WeComSimulator.Replies;

namespace ServerlessHub.WeComSimulator;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ErrorReply))]
[JsonSerializable(typeof(TokenReply))]
[JsonSerializable(typeof(MessageSendReply))]
[JsonSerializable(typeof(ChatCreateReply))]
[JsonSerializable(typeof(IReadOnlyList<RecordedMessage>))]
[JsonSerializable(typeof(TokenStats))]
[JsonSerializable(typeof(string))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;

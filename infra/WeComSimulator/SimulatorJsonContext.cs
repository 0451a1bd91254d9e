using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessHub.WeCom.Simulation.Inspection;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Replies;

namespace ServerlessHub.WeCom.Simulation;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ErrorReply))]
[JsonSerializable(typeof(TokenReply))]
[JsonSerializable(typeof(MessageSendReply))]
[JsonSerializable(typeof(ChatCreateReply))]
[JsonSerializable(typeof(IReadOnlyList<RecordedMessage>))]
[JsonSerializable(typeof(TokenStats))]
[JsonSerializable(typeof(Faults.SimulatedFault))]
[JsonSerializable(typeof(IReadOnlyList<Faults.SimulatedFault>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Members.SayRequest))]
[JsonSerializable(typeof(Members.CallbackResult))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;

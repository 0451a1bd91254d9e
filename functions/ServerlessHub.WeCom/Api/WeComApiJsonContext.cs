using System.Text.Json.Serialization;

namespace ServerlessHub.WeCom.Api;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RobotMessageRequest))]
[JsonSerializable(typeof(AppMessageRequest))]
[JsonSerializable(typeof(ChatMessageRequest))]
[JsonSerializable(typeof(WeComResponse))]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(MessageSendResponse))]
internal sealed partial class WeComApiJsonContext : JsonSerializerContext;

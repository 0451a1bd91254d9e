using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.Inbound;

/// <summary>
/// A verified, decrypted WeCom callback waiting on the <c>inbound</c> queue: the plaintext as WeCom sent it (app XML or
/// AI-bot JSON), parsed by the queue function so that the HTTP request path does nothing but verify and enqueue.
/// </summary>
public sealed record InboundMessage(string HubId, ChatChannel Channel, string Payload, DateTimeOffset ReceivedAt);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(InboundMessage))]
public sealed partial class InboundJsonContext : JsonSerializerContext;

internal static class InboundQueueJson
{
    private static readonly Lazy<JsonTypeInfo<InboundMessage>> UnescapedInfo = new(() => (JsonTypeInfo<InboundMessage>)new System.Text.Json.JsonSerializerOptions(InboundJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = InboundJsonContext.Default,
    }.GetTypeInfo(typeof(InboundMessage)));

    /// <summary>Chinese stays UTF-8 rather than \uXXXX escapes, which would triple a message's size on the queue.</summary>
    public static JsonTypeInfo<InboundMessage> Unescaped => UnescapedInfo.Value;
}

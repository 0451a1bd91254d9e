namespace ServerlessHub.Replies;

/// <summary>A chat reply: plain zh-CN text for a WeCom text message (≤ 2048 bytes UTF-8 for realistic inputs; the
/// outbound function splits anything longer).</summary>
public sealed record Reply(string Text);

using System.Text.Json.Serialization;

namespace ServerlessHub.WeCom.Api;

// Request and response bodies exactly as WeCom documents them: message/send (90236), appchat/send (90248),
// gettoken (91039), group robot (91770). Absent optional fields are omitted, not null.

internal sealed record ContentBody([property: JsonPropertyName("content")] string Content);

internal sealed record RobotTextBody(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("mentioned_list")] IReadOnlyList<string>? MentionedList,
    [property: JsonPropertyName("mentioned_mobile_list")] IReadOnlyList<string>? MentionedMobileList);

internal sealed record RobotMessageRequest(
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("text")] RobotTextBody? Text = null,
    [property: JsonPropertyName("markdown")] ContentBody? Markdown = null);

internal sealed record AppMessageRequest(
    [property: JsonPropertyName("touser")] string? ToUser,
    [property: JsonPropertyName("toparty")] string? ToParty,
    [property: JsonPropertyName("totag")] string? ToTag,
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("agentid")] int AgentId,
    [property: JsonPropertyName("text")] ContentBody? Text = null,
    [property: JsonPropertyName("markdown")] ContentBody? Markdown = null,
    [property: JsonPropertyName("safe")] int? Safe = null,
    [property: JsonPropertyName("enable_duplicate_check")] int? EnableDuplicateCheck = null,
    [property: JsonPropertyName("duplicate_check_interval")] int? DuplicateCheckInterval = null);

internal sealed record ChatMessageRequest(
    [property: JsonPropertyName("chatid")] string ChatId,
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("text")] ContentBody? Text = null,
    [property: JsonPropertyName("markdown")] ContentBody? Markdown = null,
    [property: JsonPropertyName("safe")] int? Safe = null);

internal class WeComResponse
{
    [JsonPropertyName("errcode")]
    public int ErrorCode { get; init; }

    [JsonPropertyName("errmsg")]
    public string? ErrorMessage { get; init; }
}

internal sealed class AccessTokenResponse : WeComResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }
}

internal sealed class MessageSendResponse : WeComResponse
{
    [JsonPropertyName("invaliduser")]
    public string? InvalidUser { get; init; }

    [JsonPropertyName("invalidparty")]
    public string? InvalidParty { get; init; }

    [JsonPropertyName("invalidtag")]
    public string? InvalidTag { get; init; }

    [JsonPropertyName("unlicenseduser")]
    public string? UnlicensedUser { get; init; }

    [JsonPropertyName("msgid")]
    public string? MsgId { get; init; }
}

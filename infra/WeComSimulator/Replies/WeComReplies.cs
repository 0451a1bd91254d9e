using System.Text.Json.Serialization;

namespace ServerlessHub.WeCom.Simulation.Replies;

// Answers shaped as WeCom sends them: HTTP 200 with errcode/errmsg, plus the call's own fields.

/// <summary>An answer with no fields beyond errcode and errmsg.</summary>
public sealed record ErrorReply(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string ErrMsg)
{
    /// <summary>Success.</summary>
    public static ErrorReply Ok { get; } = new(0, "ok");
}

/// <summary>The answer to gettoken.</summary>
public sealed record TokenReply(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string ErrMsg,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The answer to message/send.</summary>
public sealed record MessageSendReply(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string ErrMsg,
    [property: JsonPropertyName("invaliduser")] string InvalidUser,
    [property: JsonPropertyName("invalidparty")] string InvalidParty,
    [property: JsonPropertyName("invalidtag")] string InvalidTag,
    [property: JsonPropertyName("unlicenseduser")] string UnlicensedUser,
    [property: JsonPropertyName("msgid")] string MsgId);

/// <summary>The answer to appchat/create.</summary>
public sealed record ChatCreateReply(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string ErrMsg,
    [property: JsonPropertyName("chatid")] string ChatId);

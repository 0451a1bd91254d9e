using System.Globalization;

namespace ServerlessHub.WeCom.Simulation.Replies;

/// <summary>
/// The errcodes the simulator answers with, and errmsg texts in WeCom's style. Codes follow WeCom's global error
/// table (document 90455); 40058 for over-long robot content is what the real robot webhook answers. Where WeCom's
/// exact code for a malformed parameter is not documented, the simulator answers 40035 (不合法的参数).
/// </summary>
internal static class WeComErrors
{
    public static ErrorReply SystemBusy => Error(-1, "system busy");
    public static ErrorReply InvalidSecret => Error(40001, "invalid credential");
    public static ErrorReply InvalidMessageType => Error(40008, "invalid message type");
    public static ErrorReply InvalidCorpId => Error(40013, "invalid corpid");
    public static ErrorReply InvalidAccessToken => Error(40014, "invalid access_token");
    public static ErrorReply InvalidUserIdList => Error(40031, "invalid userid list");
    public static ErrorReply InvalidAgentId => Error(40056, "invalid agentid");
    public static ErrorReply MissingAccessToken => Error(41001, "access_token missing");
    public static ErrorReply AccessTokenExpired => Error(42001, "access_token expired");
    public static ErrorReply EmptyContent => Error(44004, "empty content");
    public static ErrorReply ContentTooLong => Error(45002, "content size out of limit");
    public static ErrorReply FrequencyLimited => Error(45009, "api freq out of limit");
    public static ErrorReply DataFormat => Error(47001, "data format error");
    public static ErrorReply AllRecipientsInvalid => Error(81013, "user & party & tag all invalid");
    public static ErrorReply NoRecipient => Error(82001, "all touser & toparty & totag empty");
    public static ErrorReply InvalidWebhook => Error(93000, "invalid webhook url");
    public static ErrorReply AppNotPermitted => Error(301002, "not allow operate another agent with this accesstoken.");

    public static ErrorReply InvalidParameter(string detail) => Error(40035, $"invalid parameter: {detail}");

    public static ErrorReply RobotContentTooLong(string messageType, int maxBytes) =>
        Error(40058, string.Create(CultureInfo.InvariantCulture, $"{messageType}.content exceed max length {maxBytes}. invalid Request Parameter"));

    private static ErrorReply Error(int code, string message) =>
        new(code, string.Create(CultureInfo.InvariantCulture, $"{message}, hint: [simulator], more info at https://open.work.weixin.qq.com/devtool/query?e={code}"));
}

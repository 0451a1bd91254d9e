using System.Collections.Frozen;

namespace ServerlessHub.WeCom.Api;

/// <summary>
/// The WeCom <c>errcode</c> values this hub meets or reacts to, with their meaning.
/// Source: WeCom global error codes (developer.work.weixin.qq.com document 90455 / 90313), message/send (90236),
/// group robot (91770); 40058 for over-long robot content is what the robot webhook answers in practice.
/// </summary>
public static class WeComErrorCodes
{
    /// <summary>-1 系统繁忙: WeCom is busy; retry later (WeCom advises at most 3 retries).</summary>
    public const int SystemBusy = -1;

    /// <summary>40001 不合法的secret参数.</summary>
    public const int InvalidSecret = 40001;

    /// <summary>40003 无效的UserID.</summary>
    public const int InvalidUserId = 40003;

    /// <summary>40008 不合法的msgtype参数.</summary>
    public const int InvalidMessageType = 40008;

    /// <summary>40013 不合法的CorpID.</summary>
    public const int InvalidCorpId = 40013;

    /// <summary>40014 不合法的access_token: fetch a new token and retry once.</summary>
    public const int InvalidAccessToken = 40014;

    /// <summary>40031 不合法的UserID列表.</summary>
    public const int InvalidUserIdList = 40031;

    /// <summary>40035 不合法的参数.</summary>
    public const int InvalidParameter = 40035;

    /// <summary>40056 不合法的agentid.</summary>
    public const int InvalidAgentId = 40056;

    /// <summary>40058 不合法的参数: the robot webhook's answer to content over its byte limit, among others.</summary>
    public const int InvalidRequestParameter = 40058;

    /// <summary>41001 缺少access_token参数.</summary>
    public const int MissingAccessToken = 41001;

    /// <summary>42001 access_token已过期: fetch a new token and retry once.</summary>
    public const int AccessTokenExpired = 42001;

    /// <summary>44004 文本消息content参数为空.</summary>
    public const int EmptyContent = 44004;

    /// <summary>45002 消息内容大小超过限制.</summary>
    public const int ContentTooLong = 45002;

    /// <summary>45009 接口调用超过限制: frequency limit; back off and retry later.</summary>
    public const int FrequencyLimited = 45009;

    /// <summary>48002 API接口无权限调用.</summary>
    public const int ApiForbidden = 48002;

    /// <summary>60011 指定的成员/部门/标签参数无权限 (no privilege for the contact, party or app).</summary>
    public const int NoPrivilege = 60011;

    /// <summary>60020 不安全的访问IP: the caller's IP is not on the app's trusted list.</summary>
    public const int UntrustedIp = 60020;

    /// <summary>81013 UserID、部门ID、标签ID全部非法或无权限: no recipient of the message is valid.</summary>
    public const int AllRecipientsInvalid = 81013;

    /// <summary>82001 指定的成员/部门/标签全部为空或者非法.</summary>
    public const int NoValidRecipient = 82001;

    /// <summary>93000 机器人webhookurl不合法或者机器人已经被移除出群.</summary>
    public const int InvalidWebhook = 93000;

    private static readonly FrozenDictionary<int, WeComErrorDescription> Descriptions = new Dictionary<int, WeComErrorDescription>
    {
        [SystemBusy] = new("WeCom is busy; retry later", "系统繁忙，请稍后重试"),
        [InvalidSecret] = new("invalid app secret", "不合法的secret参数"),
        [InvalidUserId] = new("invalid user id", "无效的UserID"),
        [InvalidMessageType] = new("invalid message type", "不合法的msgtype参数"),
        [InvalidCorpId] = new("invalid corp id", "不合法的CorpID"),
        [InvalidAccessToken] = new("invalid access token", "不合法的access_token"),
        [InvalidUserIdList] = new("invalid user id list", "不合法的UserID列表"),
        [InvalidParameter] = new("invalid parameter", "不合法的参数"),
        [InvalidAgentId] = new("invalid agent id", "不合法的agentid"),
        [InvalidRequestParameter] = new("invalid request parameter (for a robot: content over its byte limit)", "不合法的参数（群机器人：消息内容超过长度限制）"),
        [MissingAccessToken] = new("access token missing", "缺少access_token参数"),
        [AccessTokenExpired] = new("access token expired", "access_token已过期"),
        [EmptyContent] = new("message content is empty", "文本消息content参数为空"),
        [ContentTooLong] = new("message content exceeds the size limit", "消息内容大小超过限制"),
        [FrequencyLimited] = new("call frequency limit reached; back off", "接口调用超过限制"),
        [ApiForbidden] = new("the app may not call this API", "API接口无权限调用"),
        [NoPrivilege] = new("no privilege for this member, department or app", "指定的成员/部门/标签参数无权限"),
        [UntrustedIp] = new("the calling IP is not trusted by the app", "不安全的访问IP"),
        [AllRecipientsInvalid] = new("every recipient is invalid or out of the app's visible range", "UserID、部门ID、标签ID全部非法或无权限"),
        [NoValidRecipient] = new("no valid member, department or tag was given", "指定的成员/部门/标签全部为空或者非法"),
        [InvalidWebhook] = new("invalid robot webhook URL, or the robot was removed from the group", "无效的webhook地址，或机器人已被移出群聊"),
    }.ToFrozenDictionary();

    /// <summary>The description of <paramref name="errorCode"/>, or <see langword="null"/> when it is not in the table.</summary>
    public static WeComErrorDescription? Describe(int errorCode) => Descriptions.GetValueOrDefault(errorCode);

    /// <summary>Whether a call that failed with <paramref name="errorCode"/> may succeed when repeated later (-1 and 45009).</summary>
    public static bool IsTransient(int errorCode) => errorCode is SystemBusy or FrequencyLimited;

    /// <summary>Whether <paramref name="errorCode"/> says the access token must be replaced (40014, 42001).</summary>
    public static bool IsAccessTokenRejected(int errorCode) => errorCode is InvalidAccessToken or AccessTokenExpired;
}

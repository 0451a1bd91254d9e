using ServerlessHub.WeCom.Simulation.Faults;

namespace ServerlessHub.WeCom.Simulation;

/// <summary>The simulator's console lines, one per event, readable at a glance.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 9001, EventName = "MessageReceived", Level = LogLevel.Information,
        Message = "#{Sequence} {Channel} → {Destination} {Recipients} [{MessageType}] {Length} 字：{Preview}")]
    public static partial void MessageReceived(
        ILogger logger, long sequence, string channel, string destination, string recipients, string messageType, int length, string preview);

    [LoggerMessage(EventId = 9002, EventName = "CallRefused", Level = LogLevel.Information,
        Message = "{Api} 拒绝：errcode {ErrCode} {ErrMsg}")]
    public static partial void CallRefused(ILogger logger, string api, int errCode, string errMsg);

    [LoggerMessage(EventId = 9003, EventName = "TokenIssued", Level = LogLevel.Information,
        Message = "gettoken：应用 {AgentId} 获得新的 access_token，有效期 {ExpiresIn} 秒")]
    public static partial void TokenIssued(ILogger logger, int agentId, int expiresIn);

    [LoggerMessage(EventId = 9004, EventName = "ChatCreated", Level = LogLevel.Information,
        Message = "appchat/create：应用 {AgentId} 创建群聊 {ChatId}「{Name}」，{MemberCount} 人")]
    public static partial void ChatCreated(ILogger logger, int agentId, string chatId, string name, int memberCount);

    [LoggerMessage(EventId = 9005, EventName = "TokensChanged", Level = LogLevel.Information,
        Message = "已将现有 access_token 全部设为{State}")]
    public static partial void TokensChanged(ILogger logger, string state);

    [LoggerMessage(EventId = 9006, EventName = "FaultStruck", Level = LogLevel.Information,
        Message = "故障注入：{Kind} → {Path}")]
    public static partial void FaultStruck(ILogger logger, FaultKind kind, PathString path);

    [LoggerMessage(EventId = 9007, EventName = "DuplicateDropped", Level = LogLevel.Information,
        Message = "message/send：重复消息检查，{Seconds} 秒内已收到相同内容，不再投递")]
    public static partial void DuplicateDropped(ILogger logger, double seconds);
}

using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.AppMessages;
using ServerlessHub.WeCom.Simulation.Faults;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Replies;
using ServerlessHub.WeCom.Simulation.Tokens;

namespace ServerlessHub.WeCom.Simulation.Chats;

/// <summary>appchat/create and appchat/send (documents 90245, 90248).</summary>
internal static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChats(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/appchat/create", CreateAsync);
        routes.MapPost("/cgi-bin/appchat/send", SendAsync).WithFaults(SimulatedChannel.AppChat);
        return routes;
    }

    private static async Task<Results<Ok<ChatCreateReply>, Ok<ErrorReply>>> CreateAsync(
        string? access_token,
        HttpRequest request,
        WeComSimulatorOptions options,
        TokenRegistry tokens,
        ChatRegistry chats,
        ILogger<WeComSimulator> logger,
        CancellationToken cancellationToken)
    {
        var (error, agentId, body) = await RequestBody.ReadAppCallAsync(access_token, request, tokens, cancellationToken);
        if (error is null)
        {
            var members = RequestBody.Strings(body, "userlist");
            var requestedId = RequestBody.String(body, "chatid");
            var owner = RequestBody.String(body, "owner");
            var name = RequestBody.String(body, "name") ?? "";
            if (members.Count is < 2 or > 500)
            {
                error = WeComErrors.InvalidParameter("userlist must hold 2 to 500 members");
            }
            else if (members.Any(m => !options.Users.Contains(m, StringComparer.OrdinalIgnoreCase)))
            {
                error = WeComErrors.InvalidUserIdList;
            }
            else if (owner is not null && !members.Contains(owner, StringComparer.OrdinalIgnoreCase))
            {
                error = WeComErrors.InvalidParameter("owner must be a member");
            }
            else if (requestedId is not null && !ChatRegistry.ChatIdPattern().IsMatch(requestedId))
            {
                error = WeComErrors.InvalidParameter("chatid must be 1 to 32 characters of 0-9a-zA-Z");
            }
            else if (chats.TryCreate(requestedId, agentId, name, owner ?? members[0], members) is { } chat)
            {
                SimulatorLog.ChatCreated(logger, agentId, chat.ChatId, chat.Name, chat.Members.Count);
                return TypedResults.Ok(new ChatCreateReply(0, "ok", chat.ChatId));
            }
            else
            {
                error = WeComErrors.InvalidParameter("chatid already exists");
            }
        }

        SimulatorLog.CallRefused(logger, "appchat/create", error.ErrCode, error.ErrMsg);
        return TypedResults.Ok(error);
    }

    private static async Task<Ok<ErrorReply>> SendAsync(
        string? access_token,
        HttpRequest request,
        TokenRegistry tokens,
        ChatRegistry chats,
        MessageLog log,
        ILogger<WeComSimulator> logger,
        CancellationToken cancellationToken)
    {
        var (error, agentId, body) = await RequestBody.ReadAppCallAsync(access_token, request, tokens, cancellationToken);
        if (error is null)
        {
            var chatId = RequestBody.String(body, "chatid");
            var messageType = RequestBody.String(body, "msgtype");
            var (content, contentError) = AppMessageContent.Read(body, messageType);
            if (chatId is null || chats.Find(chatId) is not { } chat || chat.AgentId != agentId)
            {
                error = WeComErrors.InvalidParameter("chatid does not name a chat of this app");
            }
            else if (contentError is not null)
            {
                error = contentError;
            }
            else
            {
                log.Record(SimulatedChannel.AppChat, chatId, recipients: null, messageType!, content!, [], body);
                return TypedResults.Ok(ErrorReply.Ok);
            }
        }

        SimulatorLog.CallRefused(logger, "appchat/send", error.ErrCode, error.ErrMsg);
        return TypedResults.Ok(error);
    }
}

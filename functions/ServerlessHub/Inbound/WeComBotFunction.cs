using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.Inbound;

/// <summary>
/// The hub's WeCom AI bot (智能机器人) callback, <c>/api/wecom/{hubId}/bot</c>: URL verification (GET) and messages
/// (POST, JSON, receive id empty). Anonymous to the Functions host: WeCom signs every callback.
/// </summary>
public sealed class WeComBotFunction(CallbackServices services)
{
    [Function("WeComBot")]
    [EndpointSummary("WeCom AI-bot callback: URL verification (GET) and messages (POST)")]
    public Task<Results<ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "wecom/{hubId}/bot")] HttpRequest request, string hubId) =>
        HttpMethods.IsGet(request.Method)
            ? CallbackEndpoint.VerifyUrlAsync(ChatChannel.Bot, hubId, request.HttpContext, services)
            : CallbackEndpoint.ReceiveAsync(ChatChannel.Bot, hubId, request.HttpContext, services);
}

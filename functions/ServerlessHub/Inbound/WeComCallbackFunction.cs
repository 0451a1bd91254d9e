using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.Inbound;

/// <summary>
/// The hub's WeCom app (自建应用) callback, <c>/api/wecom/{hubId}/callback</c>: URL verification (GET) and messages
/// (POST, XML, receive id = CorpID). Anonymous to the Functions host: WeCom signs every callback.
/// </summary>
public sealed class WeComCallbackFunction(CallbackServices services)
{
    [Function("WeComCallback")]
    [EndpointSummary("WeCom app callback: URL verification (GET) and messages (POST)")]
    public Task<Results<ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "wecom/{hubId}/callback")] HttpRequest request, string hubId) =>
        HttpMethods.IsGet(request.Method)
            ? CallbackEndpoint.VerifyUrlAsync(ChatChannel.App, hubId, request.HttpContext, services)
            : CallbackEndpoint.ReceiveAsync(ChatChannel.App, hubId, request.HttpContext, services);
}

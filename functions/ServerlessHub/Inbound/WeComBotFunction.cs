using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
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
    [EndpointDescription(
        "Callback of the hub's WeCom AI bot (智能机器人): GET answers WeCom's URL verification; " +
        "POST takes a JSON message, decrypts it, queues it and answers at once with an empty body, the reply following separately. " +
        "No key: WeCom's signature (msg_signature) is checked instead, and a timestamp outside the allowed clock skew (default 10 min) is refused.")]
    [AllowAnonymous]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public Task<Results<ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "wecom/{hubId}/bot")] HttpRequest request, string hubId) =>
        HttpMethods.IsGet(request.Method)
            ? CallbackEndpoint.VerifyUrlAsync(ChatChannel.Bot, hubId, request.HttpContext, services)
            : CallbackEndpoint.ReceiveAsync(ChatChannel.Bot, hubId, request.HttpContext, services);
}

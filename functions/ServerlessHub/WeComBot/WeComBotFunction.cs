using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessHub.Inbound;
using ServerlessHub.Runtime;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.WeComBot;

/// <summary>The hub's AI bot (智能机器人) callback: <c>/api/wecom/{hubId}/bot</c>, JSON, receive id = "".</summary>
public static class WeComBotFunction
{
    public static void MapWeComBot(this WebApplication app)
    {
        app.MapGet(app.HttpFunctionRoute("WeComBot", HttpMethods.Get), VerifyAsync).WithSummary("WeCom AI bot callback URL verification");
        app.MapPost(app.HttpFunctionRoute("WeComBot", HttpMethods.Post), ReceiveAsync).WithSummary("WeCom AI bot message callback");
    }

    internal static Task<Results<ContentHttpResult, ProblemHttpResult>> VerifyAsync(string hubId, HttpContext context, [FromServices] CallbackServices services) =>
        CallbackEndpoint.VerifyUrlAsync(ChatChannel.Bot, hubId, context, services);

    internal static Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveAsync(string hubId, HttpContext context, [FromServices] CallbackServices services) =>
        CallbackEndpoint.ReceiveAsync(ChatChannel.Bot, hubId, context, services);
}

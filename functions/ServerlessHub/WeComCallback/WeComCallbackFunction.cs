using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessHub.Inbound;
using ServerlessHub.Runtime;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.WeComCallback;

/// <summary>The hub's WeCom app (自建应用) callback: <c>/api/wecom/{hubId}/callback</c>, XML, receive id = CorpID.</summary>
public static class WeComCallbackFunction
{
    public static void MapWeComCallback(this WebApplication app)
    {
        app.MapGet(app.HttpFunctionRoute("WeComCallback", HttpMethods.Get), VerifyAsync).WithSummary("WeCom app callback URL verification");
        app.MapPost(app.HttpFunctionRoute("WeComCallback", HttpMethods.Post), ReceiveAsync).WithSummary("WeCom app message callback");
    }

    internal static Task<Results<ContentHttpResult, ProblemHttpResult>> VerifyAsync(string hubId, HttpContext context, [FromServices] CallbackServices services) =>
        CallbackEndpoint.VerifyUrlAsync(ChatChannel.App, hubId, context, services);

    internal static Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveAsync(string hubId, HttpContext context, [FromServices] CallbackServices services) =>
        CallbackEndpoint.ReceiveAsync(ChatChannel.App, hubId, context, services);
}

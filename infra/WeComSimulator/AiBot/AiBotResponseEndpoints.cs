using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.Faults;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Replies;

namespace ServerlessHub.WeCom.Simulation.AiBot;

/// <summary>
/// The AI bot's active reply (主动回复消息, document 101138): <c>POST /cgi-bin/aibot/response?response_code=CODE</c>
/// with <c>{"msgtype":"markdown","markdown":{"content":…}}</c> or a template card, once per response_url.
/// </summary>
internal static class AiBotResponseEndpoints
{
    public static IEndpointRouteBuilder MapAiBotResponses(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/aibot/response", RespondAsync).WithFaults(SimulatedChannel.AiBotResponse);
        return routes;
    }

    private static async Task<Ok<ErrorReply>> RespondAsync(
        string? response_code,
        HttpRequest request,
        ResponseUrlRegistry responseUrls,
        MessageLog log,
        ILogger<WeComSimulator> logger,
        CancellationToken cancellationToken)
    {
        var reply = await AcceptAsync(response_code, request, responseUrls, log, cancellationToken);
        if (reply.ErrCode != 0)
        {
            SimulatorLog.CallRefused(logger, "aibot/response", reply.ErrCode, reply.ErrMsg);
        }

        return TypedResults.Ok(reply);
    }

    private static async Task<ErrorReply> AcceptAsync(
        string? code, HttpRequest request, ResponseUrlRegistry responseUrls, MessageLog log, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadAsync(request, cancellationToken) is not { } body)
        {
            return WeComErrors.DataFormat;
        }

        var messageType = RequestBody.String(body, "msgtype");
        if (messageType is not ("markdown" or "template_card"))
        {
            return WeComErrors.InvalidMessageType;
        }

        var content = messageType == "markdown"
            ? RequestBody.Nested(body, "markdown", "content")
            : body.TryGetProperty("template_card", out var card) && card.ValueKind == System.Text.Json.JsonValueKind.Object ? card.GetRawText() : null;
        if (string.IsNullOrEmpty(content))
        {
            return WeComErrors.EmptyContent;
        }

        switch (responseUrls.Use(code))
        {
            case ResponseCodeUse.Unknown:
                return WeComErrors.InvalidParameter("unknown response_code");
            case ResponseCodeUse.AlreadyUsed:
                return WeComErrors.InvalidParameter("response_code already used");
            case ResponseCodeUse.Expired:
                return WeComErrors.InvalidParameter("response_code expired");
        }

        log.Record(SimulatedChannel.AiBotResponse, code!, recipients: null, messageType, content, [], body);
        return ErrorReply.Ok;
    }
}

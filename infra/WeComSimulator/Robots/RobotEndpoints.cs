using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.Faults;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Replies;

namespace ServerlessHub.WeCom.Simulation.Robots;

/// <summary>The group robot webhook (document 91770): text ≤ 2048 bytes, markdown ≤ 4096 bytes, 20 messages a minute.</summary>
internal static class RobotEndpoints
{
    private const int TextBytes = 2048;
    private const int MarkdownBytes = 4096;

    public static IEndpointRouteBuilder MapRobots(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/webhook/send", SendAsync).WithFaults(SimulatedChannel.Robot);
        return routes;
    }

    private static async Task<Ok<ErrorReply>> SendAsync(
        string? key,
        HttpRequest request,
        WeComSimulatorOptions options,
        RobotRateWindow rateWindow,
        MessageLog log,
        ILogger<WeComSimulator> logger,
        CancellationToken cancellationToken)
    {
        var reply = await AcceptAsync(key, request, options, rateWindow, log, cancellationToken);
        if (reply.ErrCode != 0)
        {
            SimulatorLog.CallRefused(logger, "webhook/send", reply.ErrCode, reply.ErrMsg);
        }

        return TypedResults.Ok(reply);
    }

    private static async Task<ErrorReply> AcceptAsync(
        string? key, HttpRequest request, WeComSimulatorOptions options, RobotRateWindow rateWindow, MessageLog log, CancellationToken cancellationToken)
    {
        if (key is null || !options.RobotKeys.Contains(key))
        {
            return WeComErrors.InvalidWebhook;
        }

        if (await RequestBody.ReadAsync(request, cancellationToken) is not { } body)
        {
            return WeComErrors.DataFormat;
        }

        var messageType = RequestBody.String(body, "msgtype");
        if (messageType is not ("text" or "markdown"))
        {
            return WeComErrors.InvalidMessageType;
        }

        var content = RequestBody.Nested(body, messageType, "content");
        if (string.IsNullOrEmpty(content))
        {
            return WeComErrors.EmptyContent;
        }

        var limit = messageType == "text" ? TextBytes : MarkdownBytes;
        if (RequestBody.ByteCount(content) > limit)
        {
            return WeComErrors.RobotContentTooLong(messageType, limit);
        }

        if (!rateWindow.TryAdmit(key))
        {
            return WeComErrors.FrequencyLimited;
        }

        IReadOnlyList<string> mentions = messageType == "text" && body.TryGetProperty("text", out var text)
            ? [.. RequestBody.Strings(text, "mentioned_list"), .. RequestBody.Strings(text, "mentioned_mobile_list")]
            : [];
        log.Record(SimulatedChannel.Robot, key, recipients: null, messageType, content, mentions, body);
        return ErrorReply.Ok;
    }
}

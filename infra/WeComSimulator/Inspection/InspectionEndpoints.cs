using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.AiBot;
using ServerlessHub.WeCom.Simulation.Faults;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Tokens;

namespace ServerlessHub.WeCom.Simulation.Inspection;

/// <summary>The simulator's own controls under <c>/_sim</c>, and the readable page at <c>/</c>.</summary>
internal static class InspectionEndpoints
{
    public static IEndpointRouteBuilder MapInspection(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", MessagePage.Render);
        var sim = routes.MapGroup("/_sim");
        sim.MapGet("/messages", GetMessages);
        sim.MapDelete("/messages", ClearMessages);
        sim.MapPost("/aibot/response-urls", IssueResponseUrl);
        sim.MapGet("/apps/{agentId:int}/tokens", GetTokenStats);
        sim.MapPost("/apps/{agentId:int}/tokens/expire", ExpireTokens);
        sim.MapPost("/apps/{agentId:int}/tokens/invalidate", InvalidateTokens);
        sim.MapGet("/faults", (FaultPlan faults) => TypedResults.Ok(faults.Pending));
        sim.MapPost("/faults", AddFault);
        sim.MapDelete("/faults", ClearFaults);
        return routes;
    }

    private static Results<Ok<IReadOnlyList<RecordedMessage>>, BadRequest<string>> GetMessages(
        string? channel, string? destination, string? msgtype, DateTimeOffset? since, MessageLog log)
    {
        SimulatedChannel? wanted = null;
        if (channel is not null)
        {
            if (!Enum.TryParse<SimulatedChannel>(channel, ignoreCase: true, out var parsed))
            {
                return TypedResults.BadRequest("channel must be robot, app, appchat or aibotresponse");
            }

            wanted = parsed;
        }

        IReadOnlyList<RecordedMessage> matching =
        [
            .. log.Snapshot().Where(m =>
                (wanted is null || m.Channel == wanted)
                && (destination is null || m.Destination == destination)
                && (msgtype is null || m.MessageType == msgtype)
                && (since is null || m.ReceivedAt >= since)),
        ];
        return TypedResults.Ok(matching);
    }

    private static NoContent ClearMessages(MessageLog log)
    {
        log.Clear();
        return TypedResults.NoContent();
    }

    // What WeCom puts in an AI-bot callback's response_url, pointing at this simulator.
    private static Ok<string> IssueResponseUrl(HttpRequest request, ResponseUrlRegistry responseUrls) =>
        TypedResults.Ok($"{request.Scheme}://{request.Host}/cgi-bin/aibot/response?response_code={responseUrls.Issue()}");

    private static Ok<TokenStats> GetTokenStats(int agentId, TokenRegistry tokens) =>
        TypedResults.Ok(new TokenStats(agentId, tokens.TokenRequests(agentId)));

    private static NoContent ExpireTokens(int agentId, TokenRegistry tokens, ILogger<WeComSimulator> logger)
    {
        tokens.Expire(agentId);
        SimulatorLog.TokensChanged(logger, "过期（42001）");
        return TypedResults.NoContent();
    }

    private static Results<NoContent, BadRequest<string>> AddFault(SimulatedFault fault, FaultPlan faults)
    {
        if (FaultPlan.Problem(fault) is { } problem)
        {
            return TypedResults.BadRequest(problem);
        }

        faults.Add(fault);
        return TypedResults.NoContent();
    }

    private static NoContent ClearFaults(FaultPlan faults)
    {
        faults.Clear();
        return TypedResults.NoContent();
    }

    private static NoContent InvalidateTokens(int agentId, TokenRegistry tokens, ILogger<WeComSimulator> logger)
    {
        tokens.Invalidate(agentId);
        SimulatorLog.TokensChanged(logger, "无效（40014）");
        return TypedResults.NoContent();
    }
}

/// <summary>How many gettoken calls an app made.</summary>
/// <param name="AgentId">The app.</param>
/// <param name="TokenRequests">gettoken calls with its secret.</param>
public sealed record TokenStats(int AgentId, int TokenRequests);

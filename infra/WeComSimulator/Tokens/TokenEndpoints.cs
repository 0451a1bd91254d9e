using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.Replies;

namespace ServerlessHub.WeCom.Simulation.Tokens;

internal static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokens(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cgi-bin/gettoken", GetToken);
        return routes;
    }

    private static Results<Ok<TokenReply>, Ok<ErrorReply>> GetToken(
        string? corpid, string? corpsecret, TokenRegistry tokens, ILogger<WeComSimulator> logger)
    {
        var (error, token, agentId) = tokens.Issue(corpid, corpsecret);
        if (error is not null)
        {
            SimulatorLog.CallRefused(logger, "gettoken", error.ErrCode, error.ErrMsg);
            return TypedResults.Ok(error);
        }

        SimulatorLog.TokenIssued(logger, agentId, token!.ExpiresIn);
        return TypedResults.Ok(token);
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Replies;
using ServerlessHub.WeCom.Simulation.Tokens;

namespace ServerlessHub.WeCom.Simulation.AppMessages;

/// <summary>message/send (document 90236): app messages to members, departments and tags.</summary>
internal static class AppMessageEndpoints
{
    public static IEndpointRouteBuilder MapAppMessages(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/message/send", SendAsync);
        return routes;
    }

    private static async Task<Results<Ok<MessageSendReply>, Ok<ErrorReply>>> SendAsync(
        string? access_token,
        HttpRequest request,
        WeComSimulatorOptions options,
        TokenRegistry tokens,
        MessageLog log,
        ILogger<WeComSimulator> logger,
        CancellationToken cancellationToken)
    {
        var (error, agentId, body) = await RequestBody.ReadAppCallAsync(access_token, request, tokens, cancellationToken);
        if (error is null)
        {
            (error, var reply) = Accept(body, agentId, options, log);
            if (reply is not null)
            {
                return TypedResults.Ok(reply);
            }
        }

        SimulatorLog.CallRefused(logger, "message/send", error!.ErrCode, error.ErrMsg);
        return TypedResults.Ok(error);
    }

    private static (ErrorReply? Error, MessageSendReply? Reply) Accept(JsonElement body, int agentId, WeComSimulatorOptions options, MessageLog log)
    {
        if (!body.TryGetProperty("agentid", out var agent) || !agent.TryGetInt32(out var requestedAgent))
        {
            return (WeComErrors.InvalidAgentId, null);
        }

        if (requestedAgent != agentId)
        {
            return (WeComErrors.AppNotPermitted, null);
        }

        var messageType = RequestBody.String(body, "msgtype");
        var (content, contentError) = AppMessageContent.Read(body, messageType);
        if (contentError is not null)
        {
            return (contentError, null);
        }

        var toUser = RequestBody.String(body, "touser");
        var toParty = RequestBody.String(body, "toparty");
        var toTag = RequestBody.String(body, "totag");
        var users = Ids(toUser);
        var parties = Ids(toParty);
        var tags = Ids(toTag);
        if (users.Length + parties.Length + tags.Length == 0)
        {
            return (WeComErrors.NoRecipient, null);
        }

        var everyone = users.Contains("@all", StringComparer.Ordinal);
        string[] invalidUsers = everyone ? [] : [.. users.Where(u => !options.Users.Contains(u, StringComparer.OrdinalIgnoreCase)).Select(u => u.ToLowerInvariant())];
        string[] invalidParties = [.. parties.Where(p => !options.Parties.Contains(p, StringComparer.Ordinal))];
        string[] invalidTags = [.. tags.Where(t => !options.Tags.Contains(t, StringComparer.Ordinal))];
        if (invalidUsers.Length + invalidParties.Length + invalidTags.Length == users.Length + parties.Length + tags.Length)
        {
            return (WeComErrors.AllRecipientsInvalid, null);
        }

        var recipients = string.Join(" / ", new[] { toUser, toParty, toTag }.Select(part => part ?? "-"));
        var message = log.Record(
            SimulatedChannel.App, string.Create(CultureInfo.InvariantCulture, $"agent {agentId}"), recipients, messageType!, content!, [], body);
        return (null, new MessageSendReply(
            0,
            "ok",
            string.Join('|', invalidUsers),
            string.Join('|', invalidParties),
            string.Join('|', invalidTags),
            "",
            string.Create(CultureInfo.InvariantCulture, $"simmsg{message.Sequence:D8}")));
    }

    private static string[] Ids(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

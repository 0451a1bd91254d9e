using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.Faults;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Replies;
using ServerlessHub.WeCom.Simulation.Tokens;

namespace ServerlessHub.WeCom.Simulation.AppMessages;

/// <summary>message/send (document 90236): app messages to members, departments and tags.</summary>
internal static class AppMessageEndpoints
{
    public static IEndpointRouteBuilder MapAppMessages(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/message/send", SendAsync).WithFaults(SimulatedChannel.App);
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
            (error, var reply) = Accept(body, agentId, options, log, logger);
            if (reply is not null)
            {
                return TypedResults.Ok(reply);
            }
        }

        SimulatorLog.CallRefused(logger, "message/send", error!.ErrCode, error.ErrMsg);
        return TypedResults.Ok(error);
    }

    private static (ErrorReply? Error, MessageSendReply? Reply) Accept(JsonElement body, int agentId, WeComSimulatorOptions options, MessageLog log, ILogger logger)
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
        var window = DuplicateWindow(body);
        var (message, duplicate) = log.Record(
            SimulatedChannel.App, string.Create(CultureInfo.InvariantCulture, $"agent {agentId}"), recipients, messageType!, content!, [], body, window);
        if (duplicate)
        {
            SimulatorLog.DuplicateDropped(logger, window!.Value.TotalSeconds);
        }

        return (null, new MessageSendReply(
            0,
            "ok",
            string.Join('|', invalidUsers),
            string.Join('|', invalidParties),
            string.Join('|', invalidTags),
            "",
            string.Create(CultureInfo.InvariantCulture, $"simmsg{message.Sequence:D8}")));
    }

    // enable_duplicate_check: the same content to the same recipients within duplicate_check_interval (default 1800 s,
    // at most 4 hours) is answered ok and not delivered again.
    private static TimeSpan? DuplicateWindow(JsonElement body)
    {
        if (!body.TryGetProperty("enable_duplicate_check", out var check) || !check.TryGetInt32(out var enabled) || enabled != 1)
        {
            return null;
        }

        var seconds = body.TryGetProperty("duplicate_check_interval", out var interval) && interval.TryGetInt32(out var given) ? given : 1800;
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 4 * 3600));
    }

    private static string[] Ids(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

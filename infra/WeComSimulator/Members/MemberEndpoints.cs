using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.AiBot;

namespace ServerlessHub.WeCom.Simulation.Members;

/// <summary>A member's message, as posted to <c>/_sim/members/say</c> (JSON or the page's form).</summary>
public sealed record SayRequest(string? Hub, string? From, string? Content, string? Channel);

/// <summary>
/// <c>POST /_sim/members/say</c>: "member zhangwei says: 周报 …" — the simulator encrypts the message and posts it to the
/// configured hub's callback, as WeCom would.
/// </summary>
internal static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/_sim/members/say", SayAsync).DisableAntiforgery();
        return routes;
    }

    private static async Task<Results<Ok<CallbackResult>, RedirectHttpResult, BadRequest<string>>> SayAsync(
        HttpRequest request, WeComSimulatorOptions options, MemberCallbacks callbacks, ResponseUrlRegistry responseUrls, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType;
        var say = form
            ? new SayRequest(request.Form["hub"], request.Form["from"], request.Form["content"], request.Form["channel"])
            : await request.ReadFromJsonAsync(SimulatorJsonContext.Default.SayRequest, cancellationToken).ConfigureAwait(false);
        if (say is null || string.IsNullOrWhiteSpace(say.From) || string.IsNullOrWhiteSpace(say.Content))
        {
            return TypedResults.BadRequest("from and content are required");
        }

        var target = options.Hubs.FirstOrDefault(h => say.Hub is null || h.Hub == say.Hub);
        if (target is null)
        {
            return TypedResults.BadRequest($"no hub '{say.Hub}' is configured (WeComSimulator:Hubs)");
        }

        var result = say.Channel == "bot"
            ? await callbacks.SendBotTextAsync(target, say.From, say.Content, "simulatedgroupchat",
                new Uri(new Uri($"{request.Scheme}://{request.Host}/"), "cgi-bin/aibot/response?response_code=" + responseUrls.Issue()), cancellationToken: cancellationToken).ConfigureAwait(false)
            : await callbacks.SendAppTextAsync(target, say.From, say.Content, cancellationToken: cancellationToken).ConfigureAwait(false);
        return form ? TypedResults.Redirect("/") : TypedResults.Ok(result);
    }
}

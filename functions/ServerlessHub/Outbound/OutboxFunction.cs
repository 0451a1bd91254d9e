using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Outbound;

namespace ServerlessHub.Outbound;

/// <summary>
/// <c>GET /api/hubs/{hubId}/outbox?date=yyyy-MM-dd</c>: the hub's outbound deliveries of one hub-local date (default
/// today in the hub's time zone), one item per message part, with WeCom's errcode and errmsg for failures.
/// </summary>
public sealed class OutboxFunction(ApiKeys keys, HubCatalog hubs, OutboxStore outbox, TimeProvider time)
{
    [Function("Outbox")]
    [EndpointSummary("A hub's outbound deliveries of one day")]
    [EndpointDescription(
        "Lists the hub's outbound WeCom deliveries of one day (?date=yyyy-MM-dd, by default today in the hub's time zone), one item per message part, with its status, attempts, and WeCom's errcode and errmsg when it failed. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<IReadOnlyList<OutboxItem>>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "hubs/{hubId}/outbox")] HttpRequest request, string hubId)
    {
        var context = request.HttpContext;
        var cancellationToken = context.RequestAborted;
        if (await keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (await hubs.GetAsync(hubId, cancellationToken).ConfigureAwait(false) is not { } hub)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”。", $"There is no hub '{hubId}'."));
        }

        var date = request.Query["date"] is { Count: > 0 } asked ? asked.ToString() : null;
        DateOnly day;
        if (date is null)
        {
            day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), hub.TimeZone).DateTime);
        }
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Problems.BadRequest(context, ($"日期“{date}”无效，请写作 yyyy-MM-dd，例如 2026-11-22。", $"The date '{date}' is not valid; write yyyy-MM-dd, e.g. 2026-11-22."));
        }

        var entries = await outbox.ListAsync(hub.Id, day, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<OutboxItem>>([.. entries.Select(OutboxItem.From)]);
    }
}

/// <summary>One delivered (or not yet, or never) part, as the outbox API shows it.</summary>
public sealed record OutboxItem(
    string DeliveryId,
    string Destination,
    string Status,
    int? Errcode,
    string? Errmsg,
    int Attempts,
    DateTimeOffset FirstAttemptAt,
    DateTimeOffset LastAttemptAt,
    IReadOnlyList<string> InvalidUsers,
    IReadOnlyList<string> InvalidParties,
    string? Note)
{
    internal static OutboxItem From(OutboxEntry entry) => new(
        entry.DeliveryId, entry.Destination, entry.Status.ToString().ToLowerInvariant(), entry.ErrorCode, entry.ErrorMessage,
        entry.Attempts, entry.FirstAttemptAt, entry.LastAttemptAt, entry.InvalidUsers, entry.InvalidParties, entry.Note);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<OutboxItem>))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;

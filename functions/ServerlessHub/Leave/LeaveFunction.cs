using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Submissions;

namespace ServerlessHub.Leave;

/// <summary>Leave (请假) for units and people: record (POST) and list (GET) at <c>/api/hubs/{hubId}/leave</c>.</summary>
public static class LeaveFunction
{
    public static void MapLeave(this WebApplication app)
    {
        app.MapPost(app.HttpFunctionRoute("Leave", HttpMethods.Post), CreateAsync).RequireHubKey().WithSummary("Record leave for a unit or a person");
        app.MapGet(app.HttpFunctionRoute("Leave", HttpMethods.Get), ListAsync).RequireHubKey().WithSummary("List leave that ends today or later (or from ?from=)");
    }

    internal static async Task<Results<Created<LeaveDto>, ContentHttpResult, ProblemHttpResult>> CreateAsync(
        string hubId, HttpContext context, HubCatalog hubs, LeaveStore store, TimeProvider time)
    {
        var (body, problem) = await RequestBodies.ReadJsonAsync(context, SubmissionsJsonContext.Default.LeaveRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (key, keyProblem) = IdempotencyKeys.Of(context);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var hub = await hubs.GetAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        if (hub is null)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it."));
        }

        if (key is not null && await store.GetIdempotentResponseAsync(hubId, key, context.RequestAborted).ConfigureAwait(false) is { } replay)
        {
            return TypedResults.Content(replay.Body, "application/json", statusCode: replay.StatusCode);
        }

        var request = body!;
        if (Validate(context, hub, request) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var (subject, subjectId) = request.UnitId is { Length: > 0 } ? (LeaveSubject.Unit, request.UnitId) : (LeaveSubject.Person, request.UserId!);
        var id = $"{LocalTime.ToDate(now, hub.TimeZone):yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var record = new LeaveRecord(hubId, id, subject, subjectId, request.FirstDay!.Value, request.LastDay!.Value,
            request.Reason?.Trim() ?? "", string.IsNullOrWhiteSpace(request.CreatedBy) ? "http" : request.CreatedBy.Trim(), now);
        var dto = LeaveDto.From(record);
        var answer = key is null ? null : new IdempotentResponse(
            IdempotentResponse.Hash(context.Request.Method, context.Request.Path, context.Request.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? ""),
            StatusCodes.Status201Created, HttpJson.Serialize(context, dto));
        if (!await store.AddAsync(record, key, answer, context.RequestAborted).ConfigureAwait(false)
            && key is not null && await store.GetIdempotentResponseAsync(hubId, key, context.RequestAborted).ConfigureAwait(false) is { } first)
        {
            return TypedResults.Content(first.Body, "application/json", statusCode: first.StatusCode);
        }

        return TypedResults.Created($"{context.Request.Path}/{id}", dto);
    }

    internal static async Task<Results<Ok<LeaveListDto>, ProblemHttpResult>> ListAsync(
        string hubId, string? from, HttpContext context, HubCatalog hubs, LeaveStore store, TimeProvider time)
    {
        var hub = await hubs.GetAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        if (hub is null)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it."));
        }

        var since = LocalTime.ToDate(time.GetUtcNow(), hub.TimeZone);
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out since))
        {
            return Problems.BadRequest(context, ($"from 应为日期，如 2026-11-24，而不是“{from}”。", $"'from' must be a date like 2026-11-24, not '{from}'."));
        }

        var list = await store.ListAsync(hubId, since, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new LeaveListDto(hubId, list.OrderBy(l => l.FirstDay).Select(LeaveDto.From).ToList()));
    }

    private static ProblemHttpResult? Validate(HttpContext context, Hub hub, LeaveRequest request)
    {
        var hasUnit = !string.IsNullOrEmpty(request.UnitId);
        var hasUser = !string.IsNullOrEmpty(request.UserId);
        if (hasUnit == hasUser)
        {
            return Problems.BadRequest(context, ("请给出 unitId（整个单位请假）或 userId（个人请假）之一。", "Give either unitId (a whole unit) or userId (one person)."));
        }

        if (hasUnit && hub.FindUnit(request.UnitId!) is null)
        {
            return Problems.BadRequest(context, ($"中枢没有单位“{request.UnitId}”。", $"The hub has no unit '{request.UnitId}'."));
        }

        if (hasUser && hub.FindPerson(request.UserId!) is null)
        {
            return Problems.BadRequest(context, ($"中枢没有人员“{request.UserId}”。", $"The hub has no person '{request.UserId}'."));
        }

        if (request.FirstDay is not { } first || request.LastDay is not { } last)
        {
            return Problems.BadRequest(context, ("请给出 firstDay 和 lastDay（如 2026-11-24）。", "Give firstDay and lastDay (e.g. 2026-11-24)."));
        }

        if (last < first || last.DayNumber - first.DayNumber + 1 > LeaveRecord.MaxDays)
        {
            return Problems.BadRequest(context, ($"请假日期应从 firstDay 到 lastDay，且不超过 {LeaveRecord.MaxDays} 天。", $"lastDay must not be before firstDay, and leave may cover at most {LeaveRecord.MaxDays} days."));
        }

        return request.Reason is { Length: > 200 } || request.CreatedBy is { Length: > 64 }
            ? Problems.BadRequest(context, ("请假事由最多 200 字，createdBy 最多 64 字。", "reason may have at most 200 characters and createdBy 64."))
            : null;
    }
}

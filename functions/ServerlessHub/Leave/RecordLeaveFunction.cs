using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Leave;

/// <summary><c>POST /api/hubs/{hubId}/leave</c>: records leave (请假) for a unit or a person: no reminders, not counted missing.</summary>
public sealed class RecordLeaveFunction(LeaveServices services)
{
    [Function("RecordLeave")]
    [EndpointSummary("Record leave for a unit or a person")]
    [EndpointDescription(
        "Records leave (请假) from firstDay to lastDay (at most 366 days) for a whole unit (unitId) or one person (userId): while on leave they are not reminded, and on leave on a period's due date they count as on leave, not missing. " +
        "Answers 201 with the record and its id; an Idempotency-Key makes a retry safe. " +
        "Takes a key of the hub or an admin key.")]
    [Consumes(typeof(LeaveRequest), "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    public async Task<Results<Created<LeaveDto>, ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LeaveRoutes.Leave)] HttpRequest request, string hubId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (body, problem) = await RequestBodies.ReadJsonAsync(context, LeaveJsonContext.Default.LeaveRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (key, keyProblem) = IdempotencyKeys.Of(context);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var hub = await services.Hubs.GetAsync(hubId, context.RequestAborted).ConfigureAwait(false);
        if (hub is null)
        {
            return Problems.NotFound(context, ($"没有中枢“{hubId}”，或密钥无权访问它。", $"There is no hub '{hubId}', or the key does not open it."));
        }

        var store = services.Store;
        if (key is not null && await store.GetIdempotentResponseAsync(hubId, key, context.RequestAborted).ConfigureAwait(false) is { } replay)
        {
            return IdempotencyKeys.Replay(context, replay);
        }

        var leave = body!;
        if (Validate(context, hub, leave) is { } invalid)
        {
            return invalid;
        }

        var now = services.Time.GetUtcNow();
        var (subject, subjectId) = leave.UnitId is { Length: > 0 } ? (LeaveSubject.Unit, leave.UnitId) : (LeaveSubject.Person, leave.UserId!);
        var id = $"{LocalTime.ToDate(now, hub.TimeZone):yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var record = new LeaveRecord(hubId, id, subject, subjectId, leave.FirstDay!.Value, leave.LastDay!.Value,
            leave.Reason?.Trim() ?? "", string.IsNullOrWhiteSpace(leave.CreatedBy) ? "http" : leave.CreatedBy.Trim(), now);
        var dto = LeaveDto.From(record);
        var answer = key is null ? null : new IdempotentResponse(
            IdempotencyKeys.Fingerprint(context),
            StatusCodes.Status201Created, HttpJson.Serialize(context, dto));
        if (!await store.AddAsync(record, key, answer, context.RequestAborted).ConfigureAwait(false)
            && key is not null && await store.GetIdempotentResponseAsync(hubId, key, context.RequestAborted).ConfigureAwait(false) is { } first)
        {
            return IdempotencyKeys.Replay(context, first);
        }

        return TypedResults.Created($"{request.Path}/{id}", dto);
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

        if (!Periods.PeriodKey.IsSupportedDay(first) || !Periods.PeriodKey.IsSupportedDay(last))
        {
            return Problems.BadRequest(context, ($"请假日期应在 {Periods.PeriodKey.FirstYear} 年至 {Periods.PeriodKey.LastYear} 年之间。", $"Leave days must lie in the years {Periods.PeriodKey.FirstYear} to {Periods.PeriodKey.LastYear}."));
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

using System.Globalization;
using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Access;
using ServerlessHub.Hubs;
using ServerlessHub.Http;
using ServerlessHub.Periods;
using ServerlessHub.Runtime;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary>The dependencies of the submission endpoints.</summary>
public sealed class SubmissionsServices(HubCatalog hubs, SubmissionService submissions, SubmissionStore store, LeaveStore leave, TimeProvider time)
{
    public HubCatalog Hubs { get; } = hubs;

    public SubmissionService Submissions { get; } = submissions;

    public SubmissionStore Store { get; } = store;

    public LeaveStore Leave { get; } = leave;

    public TimeProvider Time { get; } = time;
}

/// <summary>
/// Submit, read, revise, withdraw and list reports, and a period's status, under
/// <c>/api/hubs/{hubId}/reports/{reportId}/periods/{periodKey}</c> (<c>current</c> names the period containing now).
/// </summary>
public static class SubmissionsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 200;

    public static void MapSubmissions(this WebApplication app)
    {
        app.MapHttpFunction("SubmissionList", HttpMethods.Post, SubmitAsync).RequireHubKey().WithSummary("Submit a report for a unit (or person)");
        app.MapHttpFunction("SubmissionList", HttpMethods.Get, ListAsync).RequireHubKey().WithSummary("List a period's submissions");
        app.MapHttpFunction("SubmissionItem", HttpMethods.Get, GetAsync).RequireHubKey().WithSummary("Read a submission with its revisions");
        app.MapHttpFunction("SubmissionItem", HttpMethods.Put, ReviseAsync).RequireHubKey().WithSummary("Revise some fields of a submission");
        app.MapHttpFunction("SubmissionItem", HttpMethods.Delete, WithdrawAsync).RequireHubKey().WithSummary("Withdraw a submission (kept in its history)");
        app.MapHttpFunction("PeriodStatus", HttpMethods.Get, StatusAsync).RequireHubKey().WithSummary("Who submitted, on time or late, who is missing or on leave");
    }

    internal static async Task<Results<Created<SubmissionDto>, Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> SubmitAsync(
        string hubId, string reportId, string periodKey, HttpContext context, [AsParameters] SubmissionsServices services)
    {
        var (body, problem) = await ReadAsync(context, SubmissionsJsonContext.Default.SubmitRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (IdempotencyKey(context) is { Problem: { } keyProblem })
        {
            return keyProblem;
        }

        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var submitter = FindSubmitter(context, scope, body!.UnitId, body.UserId, out var submitterProblem);
        if (submitter is null)
        {
            return submitterProblem!;
        }

        if (ToValues(context, body.Fields) is { Problem: { } fieldsProblem })
        {
            return fieldsProblem;
        }

        var outcome = await services.Submissions.SubmitAsync(
            scope.Hub, scope.Report, scope.Period, submitter, ToValues(context, body.Fields).Values!,
            Actor(body.SubmittedBy), Idempotency(context, StatusCodes.Status201Created), context.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            SubmissionOutcome.Saved saved => Created(context, saved),
            SubmissionOutcome.AlreadySubmitted existing => Problems.Conflict(context, (
                $"“{submitter.Name}”已报送{scope.Report.Title}（{scope.Period.Key}，第 {existing.Existing.Revision} 版），如需修改请用 PUT。",
                $"'{submitter.Id}' has already submitted {reportId} for {scope.Period.Key} (revision {existing.Existing.Revision}); use PUT to revise it.")),
            _ => Map(context, scope, outcome),
        };
    }

    internal static async Task<Results<Ok<SubmissionListDto>, ProblemHttpResult>> ListAsync(
        string hubId, string reportId, string periodKey, HttpContext context, [AsParameters] SubmissionsServices services)
    {
        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var list = await services.Store.ListPeriodAsync(hubId, reportId, scope.Period.Key, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new SubmissionListDto(hubId, reportId, PeriodDto.From(scope.Period), list.Select(s => SubmissionDto.From(s)).ToList()));
    }

    internal static async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> GetAsync(
        string hubId, string reportId, string periodKey, string submitterId, HttpContext context, [AsParameters] SubmissionsServices services)
    {
        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var stored = await services.Store.GetAsync(hubId, reportId, scope.Period.Key, submitterId, context.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            return NoSubmission(context, scope, submitterId);
        }

        var revisions = await services.Store.ListRevisionsAsync(hubId, reportId, scope.Period.Key, submitterId, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.ETag = stored.ETag.ToString("H");
        return TypedResults.Ok(SubmissionDto.From(stored.Submission, revisions));
    }

    internal static async Task<Results<Created<SubmissionDto>, Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> ReviseAsync(
        string hubId, string reportId, string periodKey, string submitterId, HttpContext context, [AsParameters] SubmissionsServices services)
    {
        var (body, problem) = await ReadAsync(context, SubmissionsJsonContext.Default.ReviseRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (IdempotencyKey(context) is { Problem: { } keyProblem })
        {
            return keyProblem;
        }

        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var values = ToValues(context, body!.Fields);
        if (values.Problem is not null)
        {
            return values.Problem;
        }

        var outcome = await services.Submissions.ReviseAsync(scope.Hub, scope.Report, scope.Period, submitterId, values.Values!, IfMatch(context),
            Actor(body.SubmittedBy), Idempotency(context, StatusCodes.Status200OK), context.RequestAborted).ConfigureAwait(false);
        return outcome is SubmissionOutcome.Saved saved ? Ok(context, saved) : Map(context, scope, outcome, submitterId);
    }

    internal static async Task<Results<Created<SubmissionDto>, Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> WithdrawAsync(
        string hubId, string reportId, string periodKey, string submitterId, HttpContext context, [AsParameters] SubmissionsServices services)
    {
        if (IdempotencyKey(context) is { Problem: { } keyProblem })
        {
            return keyProblem;
        }

        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var by = context.Request.Query["by"].ToString();
        var outcome = await services.Submissions.WithdrawAsync(scope.Hub, scope.Report, scope.Period, submitterId, IfMatch(context),
            Actor(by.Length is > 0 and <= 64 ? by : null), Idempotency(context, StatusCodes.Status200OK), context.RequestAborted).ConfigureAwait(false);
        return outcome is SubmissionOutcome.Saved saved ? Ok(context, saved) : Map(context, scope, outcome, submitterId);
    }

    internal static async Task<Results<Ok<PeriodStatusDto>, ProblemHttpResult>> StatusAsync(
        string hubId, string reportId, string periodKey, HttpContext context, [AsParameters] SubmissionsServices services)
    {
        var (scope, notFound) = await ReportScope.ResolveAsync(context, services.Hubs, services.Time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        // Two storage round trips, run together: the period's submissions and the hub's leave around its due date.
        var dueDay = LocalTime.ToDate(scope.Period.Due, scope.Hub.TimeZone);
        var submissions = services.Store.ListPeriodAsync(hubId, reportId, scope.Period.Key, context.RequestAborted);
        var leave = services.Leave.ListAsync(hubId, dueDay, context.RequestAborted);
        var status = PeriodStatus.Compute(scope.Hub, scope.Report, scope.Period, await submissions.ConfigureAwait(false), await leave.ConfigureAwait(false), services.Time.GetUtcNow());
        return TypedResults.Ok(PeriodStatusDto.From(status, scope.Report.Title));
    }

    /// <summary>Reads a JSON body within the size limit; unknown properties and wrong types are 400.</summary>
    internal static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        var (text, tooLarge) = await RequestBodies.ReadTextAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (tooLarge)
        {
            return (null, Problems.TooLarge(context));
        }

        if (text is null)
        {
            return (null, Problems.NotUtf8(context));
        }

        try
        {
            return JsonSerializer.Deserialize(text, type) is { } body
                ? (body, null)
                : (null, Problems.BadRequest(context, ("请求内容应为 JSON 对象。", "The body must be a JSON object.")));
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? path : $"line {(ex.LineNumber ?? 0) + 1}";
            return (null, Problems.BadRequest(context,
                ($"请求内容不是有效的 JSON，或含有未知/类型不对的属性（位置 {where}）：{ex.Message}", $"The body is not valid JSON or has an unknown or mistyped property (at {where}): {ex.Message}")));
        }
    }

    internal static (string? Key, ProblemHttpResult? Problem) IdempotencyKey(HttpContext context)
    {
        var key = context.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length == 0)
        {
            return (null, null);
        }

        return key.Length > MaxIdempotencyKeyLength
            ? (null, Problems.BadRequest(context, ($"{IdempotencyHeader} 最长 {MaxIdempotencyKeyLength} 个字符。", $"{IdempotencyHeader} may have at most {MaxIdempotencyKeyLength} characters.")))
            : (key, null);
    }

    private static ExpectedSubmitter? FindSubmitter(HttpContext context, ReportScope scope, string? unitId, string? userId, out ProblemHttpResult? problem)
    {
        problem = null;
        var expected = scope.Hub.ExpectedSubmitters(scope.Report);
        if (scope.Report.Submitters.Scope == SubmitterScope.Unit)
        {
            if (string.IsNullOrEmpty(unitId))
            {
                problem = Problems.BadRequest(context, ($"“{scope.Report.Title}”按单位报送，请提供 unitId。", $"'{scope.Report.Id}' is submitted per unit: give unitId."));
                return null;
            }

            var unit = expected.FirstOrDefault(e => e.Id == unitId);
            if (unit is null)
            {
                problem = Problems.BadRequest(context, scope.Hub.FindUnit(unitId) is null
                    ? ($"中枢没有单位“{unitId}”。", $"The hub has no unit '{unitId}'.")
                    : ($"单位“{unitId}”不需要报送“{scope.Report.Title}”。", $"Unit '{unitId}' does not submit '{scope.Report.Id}'."));
            }

            return unit;
        }

        var person = string.IsNullOrEmpty(userId) ? null : expected.FirstOrDefault(e => e.Id == userId);
        if (person is null)
        {
            problem = Problems.BadRequest(context, string.IsNullOrEmpty(userId)
                ? ($"“{scope.Report.Title}”按人报送，请提供 userId。", $"'{scope.Report.Id}' is submitted per person: give userId.")
                : ($"“{userId}”不是需要报送“{scope.Report.Title}”的联络员。", $"'{userId}' is not a liaison who submits '{scope.Report.Id}'."));
        }

        return person;
    }

    private static (IReadOnlyDictionary<string, string?>? Values, ProblemHttpResult? Problem) ToValues(HttpContext context, Dictionary<string, JsonElement>? fields)
    {
        if (fields is null)
        {
            return (null, Problems.BadRequest(context, ("请求缺少 fields（各字段的取值）。", "The body needs 'fields' (values by field id).")));
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (id, value) in fields)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: values[id] = value.GetString(); break;
                case JsonValueKind.Number: values[id] = value.GetRawText(); break;
                case JsonValueKind.Null: values[id] = null; break;
                default:
                    return (null, Problems.BadRequest(context, ($"字段“{id}”的值应为文本或数字。", $"Field '{id}' must be a string or a number, not {value.ValueKind}.")));
            }
        }

        return (values, null);
    }

    private static SubmissionActor Actor(string? submittedBy) =>
        new(string.IsNullOrWhiteSpace(submittedBy) ? "http" : submittedBy.Trim()[..Math.Min(64, submittedBy.Trim().Length)], SubmissionChannel.Http);

    private static ETag? IfMatch(HttpContext context) =>
        context.Request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? new ETag(tag) : null;

    private static Idempotency? Idempotency(HttpContext context, int status) => IdempotencyKey(context).Key is { } key
        ? new Idempotency(key, s => new IdempotentResponse(
            RequestFingerprint(context), status, HttpJson.Serialize(context, SubmissionDto.From(s))))
        : null;

    // The body was read already; its length and the path are enough to tell a retry from another request with the key.
    private static string RequestFingerprint(HttpContext context) =>
        IdempotentResponse.Hash(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "");

    private static Created<SubmissionDto> Created(HttpContext context, SubmissionOutcome.Saved saved)
    {
        context.Response.Headers.ETag = saved.ETag.ToString("H");
        return TypedResults.Created(
            $"{context.Request.Path}/{Uri.EscapeDataString(saved.Submission.SubmitterId)}".Replace("/current/", $"/{saved.Submission.PeriodKey}/", StringComparison.Ordinal),
            SubmissionDto.From(saved.Submission));
    }

    private static Ok<SubmissionDto> Ok(HttpContext context, SubmissionOutcome.Saved saved)
    {
        context.Response.Headers.ETag = saved.ETag.ToString("H");
        return TypedResults.Ok(SubmissionDto.From(saved.Submission));
    }

    private static Results<Created<SubmissionDto>, Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult> Map(HttpContext context, ReportScope scope, SubmissionOutcome outcome, string? submitterId = null)
    {
        var opensText = outcome is SubmissionOutcome.NotOpenYet notOpen
            ? TimeZoneInfo.ConvertTime(notOpen.Opens, scope.Hub.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "";
        return outcome switch
        {
            SubmissionOutcome.Replayed replay => Replay(context, replay.Response),
            SubmissionOutcome.Invalid invalid => Problems.UnprocessableEntity(context,
                (string.Concat(invalid.Errors.Select(e => e.Chinese)), string.Join(" ", invalid.Errors.Select(e => e.English))),
                new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new Dictionary<string, string> { ["field"] = e.FieldId, ["code"] = e.Code, ["message"] = RequestLanguage.Pick(context, e.Chinese, e.English) }).ToList() }),
            SubmissionOutcome.NotOpenYet => Problems.Conflict(context, ($"“{scope.Report.Title}”{scope.Period.Key} 尚未开始报送，{opensText} 开放。", $"'{scope.Report.Id}' {scope.Period.Key} opens at {opensText} ({scope.Hub.TimeZone.Id}).")),
            SubmissionOutcome.WindowClosed => Problems.Conflict(context, ($"“{scope.Report.Title}”{scope.Period.Key} 的修改期已过（下一期已到截止时间）。", $"'{scope.Report.Id}' {scope.Period.Key} can no longer be changed: the next period is already due.")),
            SubmissionOutcome.NotFound => NoSubmission(context, scope, submitterId ?? ""),
            SubmissionOutcome.IsWithdrawn => Problems.Conflict(context, ("这份报送已撤回；如需重新报送请用 POST。", "This submission was withdrawn; POST to submit it again.")),
            SubmissionOutcome.PreconditionFailed => Problems.Create(context, StatusCodes.Status412PreconditionFailed, ("内容已被他人修改", "Changed meanwhile"),
                ("这份报送在您读取后已被修改，请重新读取后再改。", "The submission changed since you read it (If-Match); read it again and retry.")),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}."),
        };
    }

    private static ContentHttpResult Replay(HttpContext context, IdempotentResponse response)
    {
        if (response.RequestHash != RequestFingerprint(context))
        {
            return TypedResults.Content(JsonSerializer.Serialize(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = RequestLanguage.Pick(context, "幂等键已被占用", "Idempotency key reused"),
                Detail = RequestLanguage.Pick(context, $"{IdempotencyHeader} 已用于另一个不同的请求。", $"The {IdempotencyHeader} was used for a different request."),
            }), "application/problem+json", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Content(response.Body, "application/json", statusCode: response.StatusCode);
    }

    private static ProblemHttpResult NoSubmission(HttpContext context, ReportScope scope, string submitterId) =>
        Problems.NotFound(context, ($"“{submitterId}”还没有报送{scope.Report.Title}（{scope.Period.Key}）。", $"'{submitterId}' has no {scope.Report.Id} submission for {scope.Period.Key}."));
}

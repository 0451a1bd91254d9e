using System.Globalization;
using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary>
/// What the submission functions share: reading bodies, idempotency
/// keys, finding the submitter, and mapping outcomes to HTTP answers.
/// </summary>
public static class SubmissionsHttp
{
    internal static ExpectedSubmitter? FindSubmitter(HttpContext context, ReportScope scope, string? unitId, string? userId, out ProblemHttpResult? problem)
    {
        problem = null;
        var expected = scope.Hub.ExpectedSubmitters(scope.Report);
        if (scope.Report.Submitters.Scope == SubmitterScope.Unit)
        {
            // A userId beside the unitId would be dropped silently, while its sender may have meant a per-person kind.
            if (string.IsNullOrEmpty(unitId) || !string.IsNullOrEmpty(userId))
            {
                problem = Problems.BadRequest(context, ($"“{scope.Report.Title}”按单位报送，请只提供 unitId。", $"'{scope.Report.Id}' is submitted per unit: give unitId only."));
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

    internal static (IReadOnlyDictionary<string, string?>? Values, ProblemHttpResult? Problem) ToValues(HttpContext context, Dictionary<string, JsonElement>? fields)
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

    /// <summary>Who acts over HTTP: the name the body gives, else the name of the API key that was used.</summary>
    /// <summary>
    /// 400 when <paramref name="named"/>, who submitted, revised or withdrew, is over 64 characters or holds a control
    /// character: the name is shown in exports, chats and terminals, which such characters break or mislead, and cutting
    /// it short would store a name nobody gave.
    /// </summary>
    internal static ProblemHttpResult? RefuseName(HttpContext context, string? named) => named is not null && (named.Trim().Length > 64 || named.Any(char.IsControl))
        ? Problems.BadRequest(context, ("报送人、修改人或撤回人的名字最多 64 字，且不能含控制字符。", "The name of who submits, revises or withdraws may have at most 64 characters and no control characters."))
        : null;

    internal static SubmissionActor Actor(HttpContext context, string? named) =>
        new(!string.IsNullOrWhiteSpace(named) ? named.Trim()
            : ApiKeys.NameOf(context) is { Length: > 0 } key ? $"密钥:{key}"[..Math.Min(64, key.Length + 3)] : "http", SubmissionChannel.Http);

    // A sender of If-Match asks for a precondition even when its value is empty; one that cannot match is stale, not absent.
    internal static ETag? IfMatch(HttpContext context) =>
        context.Request.Headers.TryGetValue("If-Match", out var tag) ? new ETag(tag.ToString()) : null;

    internal static Idempotency? Idempotency(HttpContext context, int status) => IdempotencyKeys.Of(context).Key is { } key
        ? new Idempotency(key, s => new IdempotentResponse(
            IdempotencyKeys.Fingerprint(context), status, HttpJson.Serialize(context, SubmissionDto.From(s))))
        : null;

    internal static Created<SubmissionDto> Created(HttpContext context, SubmissionOutcome.Saved saved)
    {
        context.Response.Headers.ETag = saved.ETag.ToString("H");
        return TypedResults.Created(
            $"{context.Request.Path}/{Uri.EscapeDataString(saved.Submission.SubmitterId)}".Replace("/current/", $"/{Uri.EscapeDataString(saved.Submission.PeriodKey)}/", StringComparison.Ordinal),
            SubmissionDto.From(saved.Submission));
    }

    internal static Ok<SubmissionDto> Ok(HttpContext context, SubmissionOutcome.Saved saved)
    {
        context.Response.Headers.ETag = saved.ETag.ToString("H");
        return TypedResults.Ok(SubmissionDto.From(saved.Submission));
    }

    /// <summary>The problem+json answer to an outcome that saved nothing (a replay and a save are the caller's).</summary>
    internal static ProblemHttpResult Problem(HttpContext context, ReportScope scope, SubmissionOutcome outcome, string? submitterId = null)
    {
        var opensText = outcome is SubmissionOutcome.NotOpenYet notOpen
            ? TimeZoneInfo.ConvertTime(notOpen.Opens, scope.Hub.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "";
        return outcome switch
        {
            SubmissionOutcome.Invalid invalid => Problems.UnprocessableEntity(context,
                (string.Concat(invalid.Errors.Select(e => e.Chinese)), string.Join(" ", invalid.Errors.Select(e => e.English))),
                new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new Dictionary<string, string> { ["field"] = e.FieldId, ["code"] = e.Code, ["message"] = RequestLanguage.Pick(context, e.Chinese, e.English) }).ToList() }),
            SubmissionOutcome.NotOpenYet => Problems.Conflict(context, ($"“{scope.Report.Title}”{scope.Period.Key} 尚未开始报送，{opensText} 开放。", $"'{scope.Report.Id}' {scope.Period.Key} opens at {opensText} ({scope.Hub.TimeZone.Id}).")),
            SubmissionOutcome.WindowClosed closed => Problems.Conflict(context, (
                $"“{scope.Report.Title}”{scope.Period.Key} 已于 {closed.ClosedAt.ToOffset(scope.Hub.TimeZone.GetUtcOffset(closed.ClosedAt)):yyyy-MM-dd HH:mm} 停止受理（{(scope.Report.AcceptLateFor == 0 ? "本类报送截止后即不再受理" : $"逾期报送和修改只受理到其后第 {scope.Report.AcceptLateFor} 期截止")}，见报送类型的 acceptLateFor）。",
                $"'{scope.Report.Id}' {scope.Period.Key} stopped taking submissions and changes at {closed.ClosedAt:O}: late submissions and revisions are taken until the {scope.Report.AcceptLateFor} later period(s) fall due (acceptLateFor).")),
            SubmissionOutcome.NotFound => NoSubmission(context, scope, submitterId ?? ""),
            SubmissionOutcome.IsWithdrawn => Problems.Conflict(context, ("这份报送已撤回；如需重新报送请用 POST。", "This submission was withdrawn; POST to submit it again.")),
            SubmissionOutcome.PreconditionFailed => Problems.Create(context, StatusCodes.Status412PreconditionFailed, ("内容已被他人修改", "Changed meanwhile"),
                ("这份报送在您读取后已被修改，请重新读取后再改。", "The submission changed since you read it (If-Match); read it again and retry.")),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}."),
        };
    }


    internal static ProblemHttpResult NoSubmission(HttpContext context, ReportScope scope, string submitterId) =>
        Problems.NotFound(context, ($"“{submitterId}”还没有报送{scope.Report.Title}（{scope.Period.Key}）。", $"'{submitterId}' has no {scope.Report.Id} submission for {scope.Period.Key}."));
}

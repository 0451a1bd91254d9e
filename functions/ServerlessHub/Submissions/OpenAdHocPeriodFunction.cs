using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Http;
using ServerlessHub.Reminders;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary>
/// <c>POST …/reports/{reportId}/periods</c>: opens a window of an ad hoc report kind (临时报送) with its own id and
/// dates, and queues the kind's reminder ladder for it. Other cadences open their periods by themselves.
/// </summary>
public sealed class OpenAdHocPeriodFunction(SubmissionsServices services, PeriodOpening opening)
{
    private const int MaxDays = 366;

    [Function("OpenAdHocPeriod")]
    [EndpointSummary("Open a window of an ad hoc report kind")]
    [EndpointDescription(
        "Opens a window {id, firstDay, lastDay} (at most 366 days) of an ad hoc report kind (临时报送) and schedules the kind's reminders for it; its due time follows the kind's due rule. " +
        "The id must be new for the kind (409 otherwise) and then serves as {periodKey}; other kinds open their periods by themselves (400). " +
        "Takes a key of the hub or an admin key.")]
    [Consumes(typeof(OpenPeriodRequest), "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<Results<Created<PeriodDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SubmissionRoutes.Periods)] HttpRequest request,
        string hubId, string reportId)
    {
        var context = request.HttpContext;
        if (await services.Keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (body, problem) = await RequestBodies.ReadJsonAsync(context, SubmissionsJsonContext.Default.OpenPeriodRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (hub, report, notFound) = await AdHocWindows.FindReportAsync(context, services.Hubs, hubId, reportId).ConfigureAwait(false);
        if (report is null)
        {
            return notFound!;
        }

        var window = body!;
        if (window.Id is not { } id || !Periods.PeriodKey.IsValid(id) || id == ReportScope.CurrentPeriod)
        {
            return Problems.BadRequest(context, ("请给出窗口编号 id（如 2026-flood-check），不能含 / \\ # ? 或控制字符，也不能是 current。", "Give the window an id (e.g. 2026-flood-check) without / \\ # ? or control characters, other than 'current'."));
        }

        if (window.FirstDay is not { } first || window.LastDay is not { } last || last < first || last.DayNumber - first.DayNumber + 1 > MaxDays
            || !Periods.PeriodKey.IsSupportedDay(first) || !Periods.PeriodKey.IsSupportedDay(last))
        {
            return Problems.BadRequest(context, ($"请给出 firstDay 和 lastDay（如 2026-11-24），lastDay 不早于 firstDay，最长 {MaxDays} 天，在 {Periods.PeriodKey.FirstYear} 至 {Periods.PeriodKey.LastYear} 年之间。",
                $"Give firstDay and lastDay (e.g. 2026-11-24), lastDay not before firstDay, at most {MaxDays} days, in the years {Periods.PeriodKey.FirstYear} to {Periods.PeriodKey.LastYear}."));
        }

        var openedBy = window.OpenedBy?.Trim() is { Length: > 0 } named ? named[..Math.Min(64, named.Length)] : "http";
        if (!await services.AdHocPeriods.AddAsync(hubId, reportId, new AdHocWindow(id, first, last, openedBy, services.Time.GetUtcNow()), context.RequestAborted).ConfigureAwait(false))
        {
            return Problems.Conflict(context, ($"“{report.Title}”已有窗口“{id}”。", $"'{reportId}' already has a window '{id}'."));
        }

        var period = hub!.Timeline(report).AdHoc(id, first, last);
        await opening.OpenAsync(hub, report, period, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"{request.Path}/{Uri.EscapeDataString(id)}/status", PeriodDto.From(period));
    }
}

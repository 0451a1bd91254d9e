using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using ServerlessHub.Access;
using ServerlessHub.Http;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Reminders;
using ServerlessHub.Submissions;

namespace ServerlessHub.Reminders;

/// <summary><c>GET …/periods/{periodKey}/reminders</c>: the period's ladder and every reminder that went out, with step, recipient, time and outcome.</summary>
public sealed class ListRemindersFunction(ApiKeys keys, HubCatalog hubs, ReminderStore reminders, TimeProvider time)
{
    [Function("ListReminders")]
    [EndpointSummary("A period's reminder ladder and the reminders sent")]
    [EndpointDescription(
        "Shows the period's reminder ladder — each step's nominal time, its send time within sending hours, and what it did — and every reminder sent: step, recipient, time, outcome, delivery id and whether it was late. " +
        "Takes a key of the hub or an admin key.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<Results<Ok<PeriodRemindersDto>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubmissionRoutes.Periods + "/{periodKey}/reminders")] HttpRequest request,
        string hubId, string reportId, string periodKey)
    {
        var context = request.HttpContext;
        if (await keys.RefuseUnlessHubKeyAsync(request, hubId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (scope, notFound) = await ReportScope.ResolveAsync(context, hubs, time, hubId, reportId, periodKey).ConfigureAwait(false);
        if (scope is null)
        {
            return notFound!;
        }

        var opened = reminders.GetOpenedAsync(hubId, reportId, scope.Period.Key, context.RequestAborted);
        var sent = await reminders.ListAsync(hubId, reportId, scope.Period.Key, context.RequestAborted).ConfigureAwait(false);
        var openedPeriod = await opened.ConfigureAwait(false);
        var ran = sent.Where(r => r.Recipient == ReminderSender.StepRow).ToDictionary(r => r.StepIndex);
        var ladder = ReminderLadder.Schedule(scope.Hub, scope.Report, scope.Period).Select(s => new ReminderStepDto(
            s.Index, s.Step.Offset, s.Step.Audience.ToString().ToLowerInvariant(), s.Step.ChannelId, s.Nominal, s.SendAt,
            ran.GetValueOrDefault(s.Index)?.At, ran.GetValueOrDefault(s.Index)?.Outcome)).ToList();
        return TypedResults.Ok(new PeriodRemindersDto(hubId, reportId, PeriodDto.From(scope.Period), openedPeriod?.OpenedAt, openedPeriod?.ExpectedIds.Count, ladder,
            sent.Where(r => r.Recipient != ReminderSender.StepRow).Select(r => new ReminderSentDto(r.Step, r.Recipient, r.At, r.Outcome, r.DeliveryId, r.Late)).ToList()));
    }
}

using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Replies;

public sealed partial class ChatReplies
{
    /// <summary>未交, for coordinators and leaders: the counts, 按期报送率, who is missing, who is still pending before
    /// the due time, and who is on leave; for a period not open yet, when it opens and that nothing is owed.</summary>
    public Reply Missing(Hub hub, ReportKind kind, PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(status);
        List<string> Names(SubmitterState state) => status.Submitters.Where(s => s.State == state).Select(s => s.Name).ToList();
        return Render("chat/missing", new MissingModel(
            View(hub), kind.Title, ReplyFormat.Period(kind, status.Period), ReplyFormat.When(status.AsOf, hub.TimeZone),
            ReplyFormat.When(status.Period.Due, hub.TimeZone), status.AsOf > status.Period.Due, status.IsOpen, ReplyFormat.When(status.Period.Opens, hub.TimeZone),
            status.Expected, status.Submitted, status.OnTime, status.Late, status.Missing, status.Pending, status.OnLeave,
            ReplyFormat.Percent(status.OnTimeRate), Names(SubmitterState.Missing), Names(SubmitterState.Pending), Names(SubmitterState.OnLeave)));
    }

    /// <summary>催报 done: who was reminded.</summary>
    public Reply UrgeSent(Hub hub, ReportKind kind, Period period, IReadOnlyList<ExpectedSubmitter> urged)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(urged);
        return Render("chat/urge-sent", new UrgeModel(View(hub), kind.Title, ReplyFormat.Period(kind, period), urged.Select(s => s.Name).ToList(), null));
    }

    /// <summary>催报 refused: the last one was too recent; the next is allowed at <paramref name="nextAllowed"/>.</summary>
    public Reply UrgeAlreadySent(Hub hub, ReportKind kind, Period period, DateTimeOffset nextAllowed)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        return Render("chat/urge-already-sent", new UrgeModel(View(hub), kind.Title, ReplyFormat.Period(kind, period), [], ReplyFormat.When(nextAllowed, hub.TimeZone)));
    }

    /// <summary>催报 with nobody to urge: everyone has submitted or is excused, or the period has not opened yet.</summary>
    public Reply UrgeNothingMissing(Hub hub, ReportKind kind, Period period)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        var opens = time.GetUtcNow() < period.Opens ? ReplyFormat.When(period.Opens, hub.TimeZone) : null;
        return Render("chat/urge-nothing-missing", new UrgeModel(View(hub), kind.Title, ReplyFormat.Period(kind, period), [], null, opens));
    }

    /// <summary>No period of <paramref name="kind"/> contains now (between terms, or a once window not open): nothing to act on.</summary>
    public Reply NoCurrentPeriod(Hub hub, ReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        return Render("chat/no-current-period", new NoCurrentPeriodModel(View(hub), kind.Title, ReplyFormat.Name(kind.Schedule.Cadence)));
    }

    /// <summary>The 催报 message to a missing submitter's liaisons: what is owed, by when, and how to send it.</summary>
    public Reply UrgeNotice(Hub hub, ReportKind kind, Period period, ExpectedSubmitter submitter, string urgedBy)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(submitter);
        ArgumentNullException.ThrowIfNull(urgedBy);
        return Render("chat/urge-notice", new UrgeNoticeModel(
            View(hub), kind.Title, ReplyFormat.Period(kind, period), submitter.Name, ReplyFormat.When(period.Due, hub.TimeZone),
            time.GetUtcNow() > period.Due, ReplyFormat.Example(kind), urgedBy));
    }
}

using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Replies;

namespace ServerlessHub.Reminders;

/// <summary>The reminder texts, rendered from <c>templates/reminders/</c> with the hub's time zone and zh-CN dates.</summary>
public sealed class ReminderTexts(TemplateRenderer templates)
{
    /// <summary>To one liaison, by app message.</summary>
    public string Submitter(Hub hub, ReportKind kind, Period period, OwingSubmitter owing, bool pastDue, string lateNote)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(owing);
        return templates.Render("reminders/submitter", new SubmitterModel(
            hub.Definition.Name, kind.Title, ReplyFormat.Period(kind, period), owing.Submitter.Name, ReplyFormat.When(period.Due, hub.TimeZone),
            pastDue, owing.DaysLate, ReplyFormat.Example(kind), lateNote));
    }

    /// <summary>To a group, mentioning the liaisons who owe (robot webhooks turn <c>&lt;@userid&gt;</c> into an @).</summary>
    public string Channel(Hub hub, ReportKind kind, Period period, IReadOnlyList<OwingSubmitter> owing, bool mentionByUserId, bool pastDue, string lateNote)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        return templates.Render("reminders/channel", new ChannelModel(
            hub.Definition.Name, kind.Title, ReplyFormat.Period(kind, period), ReplyFormat.When(period.Due, hub.TimeZone), pastDue,
            owing.Select(o => new OwingLine(o.Submitter.Name, string.Join(" ", o.Liaisons.Select(p => mentionByUserId ? $"<@{p.UserId}>" : p.Name)))).ToList(),
            ReplyFormat.Example(kind), lateNote));
    }

    /// <summary>To the coordinators or leaders: the missing units, their liaisons and how late each is.</summary>
    public string Escalation(Hub hub, ReportKind kind, Period period, ReminderAudience audience, IReadOnlyList<OwingSubmitter> owing, bool pastDue, string lateNote)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        return templates.Render("reminders/escalation", new EscalationModel(
            hub.Definition.Name, kind.Title, ReplyFormat.Period(kind, period), ReplyFormat.When(period.Due, hub.TimeZone), pastDue,
            audience == ReminderAudience.Leader ? "leader" : "coordinator",
            owing.Select(o => new EscalationLine(o.Submitter.Name, string.Join("、", o.Liaisons.Select(p => p.Name)), o.DaysLate, o.WorkingDaysLate)).ToList(),
            lateNote));
    }

    /// <summary>The note on a reminder sent late: when it was meant to go out.</summary>
    public static string LateNote(Hub hub, DateTimeOffset meantFor)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return $"（本提醒原定{ReplyFormat.When(meantFor, hub.TimeZone)}发出，因系统暂停而补发。）";
    }

    private sealed record SubmitterModel(string Hub, string Kind, string Period, string Submitter, string Due, bool PastDue, int DaysLate, string Example, string LateNote);

    private sealed record OwingLine(string Name, string Mentions);

    private sealed record ChannelModel(string Hub, string Kind, string Period, string Due, bool PastDue, IReadOnlyList<OwingLine> Owing, string Example, string LateNote);

    private sealed record EscalationLine(string Name, string Liaisons, int DaysLate, int WorkingDaysLate);

    private sealed record EscalationModel(string Hub, string Kind, string Period, string Due, bool PastDue, string Audience, IReadOnlyList<EscalationLine> Owing, string LateNote);
}

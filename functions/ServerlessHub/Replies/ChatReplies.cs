using ServerlessHub.Chat;
using ServerlessHub.Hubs;
using ServerlessHub.Leave;

namespace ServerlessHub.Replies;

/// <summary>
/// The one place that turns chat outcomes into zh-CN text: each method prepares a plain model and renders its
/// template from <c>templates/chat/</c>. Times read in the hub's time zone; "now" (time left, overdue) comes from the
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class ChatReplies(TemplateRenderer templates, TimeProvider time)
{
    /// <summary>The longest field value echoed in a receipt, in characters.</summary>
    public const int EchoLength = 60;

    // A WeCom user id is at most 64 characters; anything longer is not one and is cut before it is echoed.
    private const int UserIdLength = 64;

    /// <summary>One line noting that the sender's interview lapsed, to put before the reply to their new message.</summary>
    public Reply Expired(Hub hub, Conversation expired)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(expired);
        var kind = hub.FindReport(expired.ReportId)?.Title ?? expired.ReportId;
        return Render("chat/expired", new ExpiredModel(View(hub), kind, ReplyFormat.Name(expired.Purpose), (int)ChatLimits.InterviewIdleTimeout.TotalMinutes));
    }

    /// <summary>请假 granted: who, which days, and what it means.</summary>
    public Reply LeaveRecorded(Hub hub, LeaveRecord leave)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(leave);
        var subject = leave.Subject == LeaveSubject.Unit
            ? hub.FindUnit(leave.SubjectId)?.Name
            : hub.FindPerson(leave.SubjectId)?.Name;
        return Render("chat/leave-recorded", new LeaveRecordedModel(
            View(hub), subject ?? leave.SubjectId, ReplyFormat.Day(leave.FirstDay), ReplyFormat.Day(leave.LastDay),
            leave.LastDay.DayNumber - leave.FirstDay.DayNumber + 1, string.IsNullOrWhiteSpace(leave.Reason) ? null : leave.Reason));
    }

    /// <summary>To someone who wrote to the hub but is not in its member list: ask a coordinator.</summary>
    public Reply UnknownSender(Hub hub, string userId)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(userId);
        return Render("chat/unknown-sender", new UnknownSenderModel(View(hub), ReplyFormat.Clip(userId, UserIdLength)));
    }

    /// <summary>To the coordinators: <paramref name="userId"/> wrote to the hub but is not in its definition.</summary>
    public Reply UnknownSenderNotice(Hub hub, string userId)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(userId);
        return Render("chat/unknown-sender-notice", new UnknownSenderModel(View(hub), ReplyFormat.Clip(userId, UserIdLength)));
    }

    /// <summary>For the enter_agent event (a member opens the app): a greeting that points to 帮助.</summary>
    public Reply Welcome(Hub hub, Person sender)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(sender);
        return Render("chat/welcome", new WelcomeModel(
            View(hub), sender.Name, UnitName(hub, sender.UnitId),
            sender.HasRole(PersonRole.Liaison), sender.HasRole(PersonRole.Coordinator), sender.HasRole(PersonRole.Leader)));
    }

    private static HubView View(Hub hub) =>
        new(hub.Definition.Name, hub.PeopleWithRole(PersonRole.Coordinator).Select(p => p.Name).ToList());

    private static string? UnitName(Hub hub, string? unitId) => unitId is null ? null : hub.FindUnit(unitId)?.Name ?? unitId;

    private Reply Render(string template, object model) => new(templates.Render(template, model));
}

using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Chat;

/// <summary>
/// Reads one chat message, outside an interview, into a <see cref="ChatCommand"/>. Pure: the caller passes the hub's
/// local date today. Never throws on any text; whatever is not understood is <see cref="ShowHelp"/>.
/// </summary>
/// <remarks>
/// <para>The message is trimmed and leading @-mentions are removed. Then, first match wins:</para>
/// <list type="number">
/// <item>the whole message 帮助 / help / ? / ？ / 菜单 → help; 状态 / 我的 / 我的状态 → status; 取消 / 退出 / 跳过 → help
/// (no interview is running); trailing 。！？ are ignored;</item>
/// <item>a command word at the start — 请假; 修改 / 更正, 撤回 / 撤销, 未交 / 未报, 催报 / 催交, 汇总, 查看 / 看 — followed by a space,
/// punctuation, the end or (except 请假) a report kind's title or alias or a period word (修改周报, 未交上周); 请假 may
/// also be followed directly by a date (请假明天);</item>
/// <item>a report kind's title or alias at the start (周报, 本周进展, 月报): alone (or with a period word) it starts an
/// interview, followed by labelled fields it is a whole report (<see cref="LabelledFields"/>). A title or alias followed
/// by a colon that is also one of the kind's field labels (本周进展：…) is read as that field;</item>
/// <item>anything else → help.</item>
/// </list>
/// <para>After 修改 / 撤回 / 未交 / 催报 come an optional report kind and an optional period word
/// (<see cref="PeriodHint"/>); 修改 may then carry labelled fields to change. With no kind named, the kinds the sender
/// may use (submit, for 修改 / 撤回; all, for 未交 / 催报), narrowed by the period word's cadence, decide: one is taken,
/// several yield <see cref="ChooseReportKind"/>. A period word that does not fit the kind's cadence is ordinary text.
/// Text after the kind and period is ignored for 撤回 / 未交 / 催报
/// (it is often a reason) unless the kind is in doubt.</para>
/// <para>Who may do what: reports, 修改, 撤回 and 请假 need a liaison (联络员) of a unit that submits the kind; 未交, 汇总
/// and 看 need a coordinator or leader; 催报 a coordinator. Anyone may ask 帮助 and 状态. After 看 and the kind and
/// period come the words that name a unit.</para>
/// </remarks>
public static partial class ChatCommandParser
{
    private static readonly string[] HelpWords = ["帮助", "help", "?", "？", "菜单"];
    private static readonly string[] StatusWords = ["状态", "我的", "我的状态"];
    private static readonly string[] InterviewWords = ["取消", "退出", "跳过"];

    /// <summary>Reads <paramref name="text"/> sent by <paramref name="sender"/> in <paramref name="hub"/>.</summary>
    /// <param name="text">The message text; the caller should already have removed the bot's @-mention.</param>
    /// <param name="sender">Who sent it.</param>
    /// <param name="hub">The hub it was sent to.</param>
    /// <param name="today">The hub's local date now.</param>
    public static ChatCommand Parse(string? text, Person sender, HubDefinition hub, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(hub);
        var message = ChatText.Clean(text);
        return OneWord(message, sender, hub)
            ?? Leave(message, sender, today)
            ?? KindVerb(message, sender, hub, today)
            ?? Report(message, sender, hub, today)
            ?? Help(HelpReason.NotUnderstood, sender, hub);
    }

    /// <summary>What <paramref name="sender"/> may do, as help.</summary>
    public static ShowHelp Help(HelpReason reason, Person sender, HubDefinition hub)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(hub);
        var submittable = hub.Reports.Where(k => MaySubmit(sender, k)).ToList();
        var verbs = new List<ChatVerb>();
        if (sender.HasRole(PersonRole.Liaison))
        {
            verbs.AddRange([ChatVerb.Submit, ChatVerb.Revise, ChatVerb.Withdraw]);
        }

        verbs.Add(ChatVerb.Status);
        if (sender.HasRole(PersonRole.Liaison))
        {
            verbs.Add(ChatVerb.Leave);
        }

        if (MayAsk(sender, ChatVerb.Missing))
        {
            verbs.Add(ChatVerb.Missing);
        }

        if (MayAsk(sender, ChatVerb.Urge))
        {
            verbs.Add(ChatVerb.Urge);
        }

        if (MayAsk(sender, ChatVerb.Digest))
        {
            verbs.AddRange([ChatVerb.Digest, ChatVerb.Show]);
        }

        verbs.Add(ChatVerb.Help);
        return new ShowHelp(reason, verbs, submittable, MayAsk(sender, ChatVerb.Missing) ? hub.Reports : []);
    }

    /// <summary>Whether <paramref name="sender"/> may submit <paramref name="kind"/>: a liaison of a unit that submits it.</summary>
    public static bool MaySubmit(Person sender, ReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(kind);
        return sender.HasRole(PersonRole.Liaison) && sender.UnitId is { } unit
            && (kind.Submitters.UnitIds.Count == 0 || kind.Submitters.UnitIds.Contains(unit));
    }

    internal static bool IsOneOf(string message, string[] words)
    {
        var bare = message is "?" or "？" ? message : ChatText.WithoutEndPunctuation(message);
        return words.Any(w => string.Equals(w, bare, StringComparison.OrdinalIgnoreCase));
    }

    internal static bool IsHelp(string message) => IsOneOf(message, HelpWords);

    internal static bool IsStatus(string message) => IsOneOf(message, StatusWords);

    private static ChatCommand? OneWord(string message, Person sender, HubDefinition hub) =>
        IsHelp(message) ? Help(HelpReason.Asked, sender, hub)
        : IsStatus(message) ? new ShowStatus()
        : IsOneOf(message, InterviewWords) ? Help(HelpReason.NoInterview, sender, hub)
        : null;

    private static bool MayAsk(Person sender, ChatVerb verb) => verb switch
    {
        ChatVerb.Missing or ChatVerb.Digest or ChatVerb.Show => sender.HasRole(PersonRole.Coordinator) || sender.HasRole(PersonRole.Leader),
        ChatVerb.Urge => sender.HasRole(PersonRole.Coordinator),
        _ => true,
    };

    /// <summary>The report kind whose title or alias starts <paramref name="text"/> at <paramref name="start"/>
    /// (the longest such name), and the index after it.</summary>
    internal static (ReportKind Kind, int End)? KindAt(HubDefinition hub, string text, int start)
    {
        (ReportKind Kind, int End)? best = null;
        foreach (var kind in hub.Reports)
        {
            foreach (var name in kind.Aliases.Prepend(kind.Title))
            {
                if (ChatText.StartsWithAt(text, start, name) && (best is null || start + name.Length > best.Value.End))
                {
                    best = (kind, start + name.Length);
                }
            }
        }

        return best;
    }

    private static bool FitsHint(ReportKind kind, Cadence? cadence) => cadence is null || kind.Schedule.Cadence == cadence;
}

using System.Globalization;
using System.Text.RegularExpressions;
using ServerlessHub.Hubs.Documents;
using ServerlessHub.Periods;

namespace ServerlessHub.Hubs;

internal sealed partial class HubDocumentBinder
{
    private static readonly string[] ReportProperties =
        ["id", "title", "aliases", "cadence", "window", "opens", "due", "submitters", "fields", "reminders", "digests", "quotas", "acceptLateFor"];

    private static readonly string[] WindowProperties = ["from", "to"];
    private static readonly string[] OffsetProperties = ["from", "days", "workingDays", "time"];
    private static readonly string[] SubmitterProperties = ["per", "units"];

    private static readonly (string, Cadence)[] Cadences =
    [
        ("weekly", Cadence.Weekly), ("monthly", Cadence.Monthly), ("quarterly", Cadence.Quarterly),
        ("semester", Cadence.Semester), ("once", Cadence.Once), ("adhoc", Cadence.AdHoc),
    ];

    private static readonly (string, DayAnchor)[] Anchors = [("start", DayAnchor.PeriodStart), ("end", DayAnchor.PeriodEnd), ("open", DayAnchor.Open)];
    private static readonly (string, SubmitterScope)[] Scopes = [("unit", SubmitterScope.Unit), ("person", SubmitterScope.Person)];

    private List<ReportKind> Reports(Properties hub)
    {
        var found = new List<ReportKind>();
        var ids = new UniqueIds(errors, "report", "报送类型");
        var digestIds = new UniqueIds(errors, "digest", "汇总");
        var chatNames = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<DocumentNode> items = read.List(hub, "reports", HubDefinitionLimits.MaxReports) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(hub.PathOf("reports"), i);
            if (Properties.Open(items[i], path, errors, ReportProperties) is not { } report)
            {
                continue;
            }

            string? id = ids.Add(report, read.Id(report, "id"));
            string? title = read.String(report, "title", required: true);
            IReadOnlyList<string> aliases = read.Strings(report, "aliases", HubDefinitionLimits.MaxAliases);
            ChatNames(report, title, aliases, chatNames, id ?? path);
            ReportSchedule? schedule = Schedule(report, id, title);
            Submitters? submitters = Submitters(report);
            IReadOnlyList<Field> fields = Fields(report);
            IReadOnlyList<ReminderStep> reminders = Reminders(report);
            IReadOnlyList<Digest> digests = Digests(report, digestIds, fields);
            IReadOnlyList<Quota> quotas = Quotas(report, fields);
            int acceptLateFor = read.Integer(report, "acceptLateFor", 0, HubDefinitionLimits.MaxAcceptLateFor) ?? 1;
            if (id is not null && title is not null && schedule is not null && submitters is not null)
            {
                found.Add(new ReportKind(id, title, aliases, schedule, submitters, fields, reminders, digests, quotas, acceptLateFor));
            }
        }

        return found;
    }

    // A chat message starting with 周报 must name exactly one report kind.
    private void ChatNames(Properties report, string? title, IReadOnlyList<string> aliases, Dictionary<string, string> chatNames, string owner)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        if (title is not null && own.Add(title))
        {
            ChatName(report.PathOf("title"), report["title"]!.Position, title, chatNames, owner);
        }

        if (report["aliases"] is not SequenceNode written)
        {
            return;
        }

        for (int i = 0; i < written.Items.Count; i++)
        {
            if (written.Items[i] is ScalarNode alias && alias.Value.Trim() is var name && aliases.Contains(name) && own.Add(name))
            {
                ChatName(Properties.Index(report.PathOf("aliases"), i), alias.Position, name, chatNames, owner);
            }
        }
    }

    private void ChatName(string path, SourcePosition? position, string name, Dictionary<string, string> chatNames, string owner)
    {
        if (chatNames.TryAdd(name, owner))
        {
            return;
        }

        errors.Add(path, position, HubDefinitionErrorCodes.DuplicateId,
            $"'{Excerpt.Of(name)}' already names report '{chatNames[name]}'; titles and aliases must be unique across reports",
            $"'{Excerpt.Of(name)}' 已是报送类型 '{chatNames[name]}' 的名称；各报送类型的标题和别名不能重复");
    }

    private ReportSchedule? Schedule(Properties report, string? id, string? title)
    {
        Cadence? cadence = read.OneOf(report, "cadence", required: true, Cadences, "a cadence", "报送周期");
        DayOffset? opens = report["opens"] is { } opensNode ? Offset(opensNode, report.PathOf("opens"), isOpening: true) : null;
        DayOffset? due = read.Missing(report, "due") ? null : Offset(report["due"]!, report.PathOf("due"), isOpening: false);
        Term? once = null;
        if (cadence == Cadence.Once)
        {
            once = Window(report, id, title);
        }
        else if (report["window"] is { } window)
        {
            errors.Add(report.PathOf("window"), window.Position, HubDefinitionErrorCodes.PropertyNotAllowed,
                "'window' applies only to cadence 'once'", "'window' 仅适用于 once 周期");
        }

        if (cadence == Cadence.Semester && !termsDeclared)
        {
            errors.Add(report.PathOf("cadence"), report["cadence"]!.Position, HubDefinitionErrorCodes.NoTerms,
                "a semester cadence needs the hub's 'terms'", "学期周期需要在中枢中定义 'terms'（学期）");
        }

        if (cadence is not { } c || due is null || (c == Cadence.Once && once is null))
        {
            return null;
        }

        return new ReportSchedule(c, due, opens, c == Cadence.Semester ? terms : null, once);
    }

    private Term? Window(Properties report, string? id, string? title)
    {
        if (report["window"] is not { } node)
        {
            errors.Add(report.PathOf("window"), report.Node.Position, HubDefinitionErrorCodes.BadWindow,
                "cadence 'once' needs a 'window' with 'from' and 'to' dates", "once 周期需要包含 'from' 和 'to' 日期的 'window'");
            return null;
        }

        string path = report.PathOf("window");
        if (Properties.Open(node, path, errors, WindowProperties) is not { } window)
        {
            return null;
        }

        DateOnly? from = read.Date(window, "from", required: true);
        DateOnly? to = read.Date(window, "to", required: true);
        return from is { } first && to is { } last && DateRange(window, path, first, last, "to") && id is not null && title is not null
            ? new Term(id, title, first, last)
            : null;
    }

    /// <summary>
    /// <c>{ from: start|end|open, days: N | workingDays: N, time: "HH:mm" }</c>. Calendar days may be negative
    /// (an opening two days before the period ends); working days count forward only, as <see cref="DayOffset"/> defines.
    /// </summary>
    private DayOffset? Offset(DocumentNode node, string path, bool isOpening)
    {
        if (Properties.Open(node, path, errors, OffsetProperties) is not { } offset)
        {
            return null;
        }

        DayAnchor? anchor = read.OneOf(offset, "from", required: true, Anchors, "an anchor day", "起算日");
        if (isOpening && anchor == DayAnchor.Open)
        {
            errors.Add(offset.PathOf("from"), offset["from"]!.Position, HubDefinitionErrorCodes.BadAnchor,
                "the opening cannot count from itself; use 'start' or 'end'", "开放时间不能从自身起算，请使用 start 或 end");
            anchor = null;
        }

        if (offset["days"] is not null && offset["workingDays"] is { } working)
        {
            errors.Add(offset.PathOf("workingDays"), working.Position, HubDefinitionErrorCodes.ConflictingProperties,
                "give either 'days' or 'workingDays', not both", "'days' 与 'workingDays' 只能二选一");
            return null;
        }

        int max = HubDefinitionLimits.MaxOffsetDays;
        (int? days, DayUnit unit) = offset["workingDays"] is not null
            ? (read.Integer(offset, "workingDays", 0, max), DayUnit.Working)
            : (offset["days"] is null ? 0 : read.Integer(offset, "days", -max, max), DayUnit.Calendar);
        TimeOnly? time = read.Time(offset, "time", required: true);
        return anchor is { } a && days is { } d && time is { } t ? new DayOffset(d, unit, a, t) : null;
    }

    private Submitters? Submitters(Properties report)
    {
        string path = report.PathOf("submitters");
        Properties? submitters = report["submitters"] is { } node ? Properties.Open(node, path, errors, SubmitterProperties) : null;
        if (report["submitters"] is not null && submitters is null)
        {
            return null;
        }

        SubmitterScope scope = submitters is null
            ? SubmitterScope.Unit
            : read.OneOf(submitters, "per", required: false, Scopes, "a submitter scope", "报送主体") ?? SubmitterScope.Unit;
        List<string> unitList;
        if (submitters?["units"] is null)
        {
            unitList = [.. units.Select(u => u.Id)];
        }
        else
        {
            unitList = [];
            IReadOnlyList<DocumentNode> items = read.List(submitters, "units", HubDefinitionLimits.MaxUnits, required: true) ?? [];
            for (int i = 0; i < items.Count; i++)
            {
                if (UnitReference(items[i], Properties.Index(submitters.PathOf("units"), i)) is { } unit && !unitList.Contains(unit))
                {
                    unitList.Add(unit);
                }
            }
        }

        if (peopleValid)
        {
            string[] withoutLiaison = [.. unitList.Where(u => !people.Any(p => p.UnitId == u && p.HasRole(PersonRole.Liaison)))];
            if (withoutLiaison.Length > 0)
            {
                string named = string.Join(", ", withoutLiaison.Take(5)) + (withoutLiaison.Length > 5 ? ", …" : "");
                errors.Add(path, submitters?.Node.Position ?? report.Node.Position, HubDefinitionErrorCodes.NoLiaison,
                    $"{withoutLiaison.Length} submitting unit(s) have no liaison in 'people': {named}",
                    $"有 {withoutLiaison.Length} 个报送单位在 'people' 中没有联络员：{named}");
            }
        }

        return new Submitters(scope, unitList);
    }

    private List<ReminderStep> Reminders(Properties report)
    {
        var steps = new List<ReminderStep>();
        IReadOnlyList<DocumentNode> items = read.List(report, "reminders", HubDefinitionLimits.MaxReminderSteps) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            if (Reminder(items[i], Properties.Index(report.PathOf("reminders"), i)) is { } step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static readonly string[] ReminderProperties = ["at", "to", "channel", "time"];

    private static readonly (string, ReminderAudience)[] Audiences =
        [("submitter", ReminderAudience.Submitter), ("coordinator", ReminderAudience.Coordinator), ("leader", ReminderAudience.Leader)];

    private ReminderStep? Reminder(DocumentNode node, string path)
    {
        if (Properties.Open(node, path, errors, ReminderProperties) is not { } step)
        {
            return null;
        }

        (int Days, DayUnit Unit, int Hours)? at = ReminderOffset(step);
        ReminderAudience? audience = read.OneOf(step, "to", required: true, Audiences, "a reminder audience", "提醒对象");
        TimeOnly? time = read.Time(step, "time", required: false);
        string? channel = step["channel"] is { } channelNode ? ChannelReference(channelNode, step.PathOf("channel")) : null;
        if (step["channel"] is null && !hasWeCom)
        {
            errors.Add(path, step.Node.Position, HubDefinitionErrorCodes.NoDelivery,
                "without 'channel' a reminder is an app message, and 'wecom' is not set; name a channel or configure 'wecom'",
                "未指定 'channel' 时提醒以应用消息发送，但未配置 'wecom'；请指定渠道或配置 'wecom'");
        }

        if (peopleValid && audience is ReminderAudience.Coordinator or ReminderAudience.Leader)
        {
            PersonRole role = audience == ReminderAudience.Coordinator ? PersonRole.Coordinator : PersonRole.Leader;
            if (!people.Any(p => p.HasRole(role)))
            {
                string name = role == PersonRole.Coordinator ? "coordinator" : "leader";
                errors.Add(step.PathOf("to"), step["to"]!.Position, HubDefinitionErrorCodes.NoAudience,
                    $"the step reminds the {name}s and no person in 'people' has role '{name}'",
                    $"该提醒发给 {name}，但 'people' 中没有角色为 '{name}' 的人员");
            }
        }

        return at is { } a && audience is { } who && (step["channel"] is null || channel is not null)
            ? new ReminderStep(a.Days, a.Unit, time, who, channel, a.Hours)
            : null;
    }

    /// <summary><c>0</c> (the due moment), or a signed count with <c>d</c> (calendar days), <c>wd</c> (working days) or <c>h</c> (hours).</summary>
    private (int Days, DayUnit Unit, int Hours)? ReminderOffset(Properties step)
    {
        if (read.String(step, "at", required: true, 16) is not { } value)
        {
            return null;
        }

        Match match = ReminderAt().Match(value);
        if (match.Success && (match.Groups["unit"].Success || match.Groups["count"].Value.All(c => c == '0'))
            && int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) is var count && count <= HubDefinitionLimits.MaxOffsetDays)
        {
            int signed = match.Groups["sign"].Value == "-" ? -count : count;
            return match.Groups["unit"].Value switch
            {
                "h" => (0, DayUnit.Calendar, signed),
                "wd" => (signed, DayUnit.Working, 0),
                _ => (signed, DayUnit.Calendar, 0),
            };
        }

        errors.Add(step.PathOf("at"), step["at"]!.Position, HubDefinitionErrorCodes.BadReminderOffset,
            $"'{Excerpt.Of(value)}' is not a reminder offset; write 0, -1d, +1d, +1wd (working days) or -2h (hours), up to {HubDefinitionLimits.MaxOffsetDays}",
            $"'{Excerpt.Of(value)}' 不是有效的提醒时点；请写作 0、-1d、+1d、+1wd（工作日）或 -2h（小时），数值最多 {HubDefinitionLimits.MaxOffsetDays}");
        return null;
    }

    private string? ChannelReference(DocumentNode node, string path)
    {
        if (read.Id(node, path) is not { } id)
        {
            return null;
        }

        if (channelIds.Declares(id))
        {
            return id;
        }

        errors.Add(path, node.Position, HubDefinitionErrorCodes.UnknownReference,
            $"there is no channel '{id}' in 'channels'", $"'channels' 中没有标识为 '{id}' 的渠道");
        return null;
    }

    [GeneratedRegex(@"^(?<sign>[+-])?(?<count>[0-9]{1,3})(?<unit>d|wd|h)?\z")]
    private static partial Regex ReminderAt();
}

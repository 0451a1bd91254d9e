using System.Text.RegularExpressions;
using ServerlessHub.Hubs.Documents;
using ServerlessHub.Periods;
using ServerlessHub.Reminders;

namespace ServerlessHub.Hubs;

/// <summary>
/// Turns a document tree into a <see cref="HubDefinition"/>, reporting every shape and reference problem it finds
/// rather than stopping at the first. Sections bind in dependency order (units before people, channels before
/// reports) so references are checked where their path is known; ids that were declared but malformed still count
/// as declared, so one typo yields one error rather than a cascade of dangling references.
/// </summary>
internal sealed partial class HubDocumentBinder
{
    private const string DefaultTimeZone = "Asia/Shanghai";

    private static readonly string[] RootProperties =
        ["$schema", "id", "name", "timeZone", "allowInlineSecrets", "calendar", "sendingHours", "terms", "wecom", "aiBot", "channels", "units", "people", "reports", "templates"];

    private static readonly string[] CalendarProperties = ["statutory", "daysOff", "workingDays"];
    private static readonly string[] CalendarDaysProperties = ["from", "to", "reason"];
    private static readonly string[] TermProperties = ["id", "name", "firstDay", "lastDay"];

    private static readonly (string, StatutoryCalendar)[] StatutoryCalendars = [("cn", StatutoryCalendar.China)];

    private readonly ErrorList errors;
    private readonly ValueReader read;
    private readonly UniqueIds unitIds;
    private readonly UniqueIds personIds;
    private readonly UniqueIds channelIds;
    private bool allowInlineSecrets;
    private bool hasWeCom;
    private bool peopleValid;
    private bool termsDeclared;
    private List<Term> terms = [];
    private List<Unit> units = [];
    private List<Person> people = [];
    private List<Channel> channels = [];

    private HubDocumentBinder(ErrorList errors)
    {
        this.errors = errors;
        read = new ValueReader(errors);
        unitIds = new UniqueIds(errors, "unit", "单位");

        // WeCom compares user ids ignoring case.
        personIds = new UniqueIds(errors, "person", "人员", StringComparer.OrdinalIgnoreCase);
        channelIds = new UniqueIds(errors, "channel", "渠道");
    }

    public static HubDefinition? Bind(DocumentNode root, ErrorList errors) => new HubDocumentBinder(errors).BindHub(root);

    private HubDefinition? BindHub(DocumentNode root)
    {
        if (Properties.Open(root, "", errors, RootProperties) is not { } hub)
        {
            return null;
        }

        read.String(hub, "$schema", required: false, HubDefinitionLimits.MaxSecretLength);
        allowInlineSecrets = read.Boolean(hub, "allowInlineSecrets") ?? false;
        string? id = HubId(hub);
        string? name = read.String(hub, "name", required: true);
        TimeZoneInfo? timeZone = TimeZone(hub);
        HubCalendar calendar = Calendar(hub);
        SendingHours? sendingHours = SendingHours(hub);
        terms = Terms(hub);
        hasWeCom = hub["wecom"] is not null;
        WeComAppSettings? weCom = hasWeCom ? WeCom(hub["wecom"]!, hub.PathOf("wecom")) : null;
        AiBotSettings? aiBot = hub["aiBot"] is { } aiBotNode ? AiBot(aiBotNode, hub.PathOf("aiBot")) : null;
        units = Units(hub);
        people = People(hub);
        channels = Channels(hub);
        IReadOnlyList<ReportKind> reports = Reports(hub);
        Dictionary<string, string> templates = Templates(hub);

        if (errors.Any || id is null || name is null || timeZone is null || sendingHours is null)
        {
            return null;
        }

        return new HubDefinition(id, name, timeZone, calendar, terms, weCom, aiBot, channels, units, people, reports, allowInlineSecrets, sendingHours, templates);
    }

    /// <summary><c>templates: { name: source }</c>: the hub's own Scriban templates. Their syntax is checked where
    /// Scriban is (the app, when the hub is applied); here, their names and sizes.</summary>
    private Dictionary<string, string> Templates(Properties hub)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (hub["templates"] is not { } node)
        {
            return found;
        }

        if (node is not MappingNode mapping)
        {
            errors.Add(hub.PathOf("templates"), node.Position, HubDefinitionErrorCodes.ExpectedMapping,
                "expected a mapping of template names to their text", "应为模板名称到模板内容的映射");
            return found;
        }

        if (mapping.Entries.Count > HubDefinitionLimits.MaxTemplates)
        {
            errors.Add(hub.PathOf("templates"), node.Position, HubDefinitionErrorCodes.TooMany,
                $"at most {HubDefinitionLimits.MaxTemplates} templates are allowed", $"最多允许 {HubDefinitionLimits.MaxTemplates} 个模板");
            return found;
        }

        foreach (var entry in mapping.Entries)
        {
            var path = Properties.Join(hub.PathOf("templates"), Excerpt.Of(entry.Key.Value));
            if (!Template().IsMatch(entry.Key.Value))
            {
                errors.Add(path, entry.Key.Position, HubDefinitionErrorCodes.BadId,
                    $"'{Excerpt.Of(entry.Key.Value)}' is not a template name; use 1–64 lowercase letters, digits and '-'",
                    $"'{Excerpt.Of(entry.Key.Value)}' 不是有效的模板名称；请使用 1–64 个小写字母、数字或 '-'");
            }
            else if (read.String(entry.Value, path, HubDefinitionLimits.MaxTemplateLength) is { } source)
            {
                found[entry.Key.Value] = source;
            }
        }

        return found;
    }

    private static readonly string[] SendingHoursProperties = ["from", "to"];

    /// <summary><c>sendingHours: { from: "08:30", to: "20:00" }</c>, the default when absent; null when invalid.</summary>
    private SendingHours? SendingHours(Properties hub)
    {
        if (hub["sendingHours"] is not { } node)
        {
            return ServerlessHub.Reminders.SendingHours.Default;
        }

        if (Properties.Open(node, hub.PathOf("sendingHours"), errors, SendingHoursProperties) is not { } hours)
        {
            return null;
        }

        TimeOnly? from = read.Time(hours, "from", required: true);
        TimeOnly? to = read.Time(hours, "to", required: true);
        if (from is null || to is null)
        {
            return null;
        }

        if (to <= from)
        {
            errors.Add(hours.PathOf("to"), hours["to"]!.Position, HubDefinitionErrorCodes.BadSendingHours,
                "'to' must be later than 'from' on the same day", "'to' 必须晚于同一天的 'from'");
            return null;
        }

        return new SendingHours(from.Value, to.Value);
    }

    private string? HubId(Properties hub)
    {
        if (read.String(hub, "id", required: true) is not { } id)
        {
            return null;
        }

        if (HubSlug().IsMatch(id))
        {
            return id;
        }

        errors.Add(hub.PathOf("id"), hub["id"]!.Position, HubDefinitionErrorCodes.BadId,
            $"'{Excerpt.Of(id)}' is not a valid hub id; use 3–40 lowercase letters, digits and '-', starting and ending with a letter or digit",
            $"'{Excerpt.Of(id)}' 不是有效的中枢标识；请使用 3–40 个小写字母、数字或 '-'，首尾须为字母或数字");
        return null;
    }

    private TimeZoneInfo? TimeZone(Properties hub)
    {
        DocumentNode? node = hub["timeZone"];
        if ((node is null ? DefaultTimeZone : read.String(node, hub.PathOf("timeZone"), 64)) is not { } id)
        {
            return null;
        }

        // The shape check keeps path-like input ("../x") away from the zone lookup, which reads files on Linux.
        if (IanaZone().IsMatch(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out TimeZoneInfo? zone) && zone.HasIanaId)
        {
            return zone;
        }

        errors.Add(hub.PathOf("timeZone"), hub["timeZone"]?.Position, HubDefinitionErrorCodes.BadTimeZone,
            $"'{Excerpt.Of(id)}' is not a known IANA time zone, e.g. Asia/Shanghai",
            $"'{Excerpt.Of(id)}' 不是已知的 IANA 时区，如 Asia/Shanghai");
        return null;
    }

    private HubCalendar Calendar(Properties hub)
    {
        var empty = new HubCalendar(StatutoryCalendar.China, [], []);
        if (hub["calendar"] is not { } node || Properties.Open(node, hub.PathOf("calendar"), errors, CalendarProperties) is not { } calendar)
        {
            return empty;
        }

        StatutoryCalendar statutory = read.OneOf(calendar, "statutory", required: false, StatutoryCalendars, "a statutory calendar", "法定节假日历")
            ?? StatutoryCalendar.China;
        return new HubCalendar(statutory, CalendarDays(calendar, "daysOff"), CalendarDays(calendar, "workingDays"));
    }

    private List<CalendarDays> CalendarDays(Properties calendar, string name)
    {
        var days = new List<CalendarDays>();
        IReadOnlyList<DocumentNode> items = read.List(calendar, name, HubDefinitionLimits.MaxCalendarRanges) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(calendar.PathOf(name), i);
            if (Properties.Open(items[i], path, errors, CalendarDaysProperties) is not { } range)
            {
                continue;
            }

            DateOnly? from = read.Date(range, "from", required: true);
            DateOnly? to = read.Date(range, "to", required: false) ?? from;
            string? reason = read.String(range, "reason", required: true);
            if (from is { } first && to is { } last && reason is not null && DateRange(range, path, first, last, "to"))
            {
                days.Add(new CalendarDays(first, last, reason));
            }
        }

        return days;
    }

    private bool DateRange(Properties owner, string path, DateOnly first, DateOnly last, string lastName)
    {
        int length = last.DayNumber - first.DayNumber + 1;
        if (length >= 1 && length <= HubDefinitionLimits.MaxRangeDays)
        {
            return true;
        }

        errors.Add(Properties.Join(path, lastName), owner[lastName]?.Position ?? owner.Node.Position, HubDefinitionErrorCodes.BadDateRange,
            length < 1
                ? $"{last:yyyy-MM-dd} is before {first:yyyy-MM-dd}"
                : $"the range is {length} days long; at most {HubDefinitionLimits.MaxRangeDays} are allowed",
            length < 1
                ? $"{last:yyyy-MM-dd} 早于 {first:yyyy-MM-dd}"
                : $"区间长 {length} 天，最多允许 {HubDefinitionLimits.MaxRangeDays} 天");
        return false;
    }

    private List<Term> Terms(Properties hub)
    {
        var terms = new List<Term>();
        var ids = new UniqueIds(errors, "term", "学期");
        IReadOnlyList<DocumentNode> items = read.List(hub, "terms", HubDefinitionLimits.MaxTerms) ?? [];
        termsDeclared = hub["terms"] is SequenceNode { Items.Count: > 0 };
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(hub.PathOf("terms"), i);
            if (Properties.Open(items[i], path, errors, TermProperties) is not { } term)
            {
                continue;
            }

            string? id = ids.Add(term, read.Id(term, "id"));
            string? name = read.String(term, "name", required: true);
            DateOnly? first = read.Date(term, "firstDay", required: true);
            DateOnly? last = read.Date(term, "lastDay", required: true);
            if (id is not null && name is not null && first is { } firstDay && last is { } lastDay && DateRange(term, path, firstDay, lastDay, "lastDay"))
            {
                terms.Add(new Term(id, name, firstDay, lastDay));
            }
        }

        terms.Sort((a, b) => a.FirstDay.CompareTo(b.FirstDay));
        for (int i = 1; i < terms.Count; i++)
        {
            if (terms[i].FirstDay <= terms[i - 1].LastDay)
            {
                errors.Add(hub.PathOf("terms"), hub["terms"]!.Position, HubDefinitionErrorCodes.OverlappingTerms,
                    $"terms '{terms[i - 1].Id}' and '{terms[i].Id}' overlap",
                    $"学期 '{terms[i - 1].Id}' 与 '{terms[i].Id}' 的日期重叠");
            }
        }

        return terms;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]\z")]
    private static partial Regex HubSlug();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}\z")]
    private static partial Regex IanaZone();
}

using ServerlessHub.Periods;
using ServerlessHub.Reminders;

namespace ServerlessHub.Hubs;

/// <summary>
/// A hub (协作体 / 共同体 / 联席机制) as its coordinator describes it: who the members are, what they report and
/// when, who gets reminded and where digests go. Built only by <see cref="HubDefinitionParser"/>, so every instance
/// has passed validation: ids are unique and every reference resolves. Lists compare by reference.
/// </summary>
/// <param name="Id">The hub's slug (3–40 of a-z, 0-9 and '-'), used in table keys and URLs.</param>
/// <param name="Name">The display name, e.g. 江宁区幼儿园课程游戏化建设项目研究共同体.</param>
/// <param name="TimeZone">The zone every local date and time of the hub is in (default Asia/Shanghai).</param>
/// <param name="Calendar">Which days are working days.</param>
/// <param name="Terms">School terms, used by <see cref="Cadence.Semester"/> report kinds; ordered by first day.</param>
/// <param name="WeCom">The self-built WeCom app (自建应用), if the hub has one.</param>
/// <param name="AiBot">The WeCom AI bot (智能机器人), if the hub has one.</param>
/// <param name="Channels">Where reminders and digests can be posted.</param>
/// <param name="Units">Member units (成员单位).</param>
/// <param name="People">Liaisons, coordinators and leaders.</param>
/// <param name="Reports">Report kinds, each with its schedule, fields, reminders and digests.</param>
/// <param name="AllowInlineSecrets">The development flag that lets secrets be written inline.</param>
/// <param name="SendingHours">When reminders may go out (default 08:30–20:00 on working days).</param>
/// <param name="Templates">The hub's own Scriban templates by name (source text), used before the built-in ones.</param>
public sealed record HubDefinition(
    string Id,
    string Name,
    TimeZoneInfo TimeZone,
    HubCalendar Calendar,
    IReadOnlyList<Term> Terms,
    WeComAppSettings? WeCom,
    AiBotSettings? AiBot,
    IReadOnlyList<Channel> Channels,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Person> People,
    IReadOnlyList<ReportKind> Reports,
    bool AllowInlineSecrets,
    SendingHours SendingHours,
    IReadOnlyDictionary<string, string>? Templates = null)
{
    /// <summary>The hub's own Scriban templates by name (source text), used before the built-in ones.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; init; } = Templates ?? new Dictionary<string, string>();
}

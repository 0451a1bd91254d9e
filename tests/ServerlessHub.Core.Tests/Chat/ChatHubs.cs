using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

/// <summary>The demo hubs and people the chat tests talk as.</summary>
internal static class ChatHubs
{
    /// <summary>A Wednesday: this week is 2026-11-23 … 2026-11-29.</summary>
    public static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>江宁区幼儿园 …: 周报, 月通报, 学期计划, 学期小结.</summary>
    public static HubDefinition Kindergartens { get; } = Load("demo/jiangning-kindergartens.yaml");

    /// <summary>县医疗保障 …: 周报, 月通报, 线索通报 (date and choice fields, three units only).</summary>
    public static HubDefinition Medical { get; } = Load("demo/county-medical-insurance.yaml");

    /// <summary>The kindergartens hub with its weekly report only.</summary>
    public static HubDefinition WeeklyOnly { get; } = Kindergartens with { Reports = [Kind(Kindergartens, "weekly")] };

    /// <summary>王晓梅, liaison of 秣陵中心幼儿园.</summary>
    public static Person Liaison => Person(Kindergartens, "wangxiaomei");

    /// <summary>钱文博, coordinator without a unit.</summary>
    public static Person Coordinator => Person(Kindergartens, "qianwenbo");

    /// <summary>徐丹, liaison of 示范幼儿园 and coordinator.</summary>
    public static Person LiaisonCoordinator => Person(Kindergartens, "xudan");

    /// <summary>高建华, leader.</summary>
    public static Person Leader => Person(Kindergartens, "gaojianhua");

    public static ReportKind Weekly => Kind(Kindergartens, "weekly");

    public static ReportKind Monthly => Kind(Kindergartens, "monthly");

    public static ReportKind Kind(HubDefinition hub, string id) => hub.Reports.Single(k => k.Id == id);

    public static Person Person(HubDefinition hub, string userId) => hub.People.Single(p => p.UserId == userId);

    public static Field Field(ReportKind kind, string id) => kind.Fields.Single(f => f.Id == id);

    public static ChatCommand Parse(string text, Person? sender = null, HubDefinition? hub = null, DateOnly? today = null) =>
        ChatCommandParser.Parse(text, sender ?? Liaison, hub ?? Kindergartens, today ?? Today);

    public static T Parse<T>(string text, Person? sender = null, HubDefinition? hub = null, DateOnly? today = null)
        where T : ChatCommand =>
        Xunit.Assert.IsType<T>(Parse(text, sender, hub, today));

    /// <summary>Field id → normalized value, for compact assertions.</summary>
    public static Dictionary<string, string> Values(ReportDraft draft) => draft.Values.ToDictionary(v => v.Field.Id, v => v.Text);

    private static HubDefinition Load(string path)
    {
        var result = HubDefinitionParser.Parse(HubFiles.Read(path));
        return result.Definition ?? throw new InvalidOperationException(path + " does not parse.");
    }
}

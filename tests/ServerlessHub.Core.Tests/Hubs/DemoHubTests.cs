using System.Text.Json;
using ServerlessHub.Periods;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ServerlessHub.Hubs;

/// <summary>The shipped demo hubs say what the brief asks, and the schema, the example and the parser agree.</summary>
public sealed class DemoHubTests
{
    [Fact]
    public void Kindergartens_HasFourteenUnitsEachWithALiaison()
    {
        HubDefinition hub = Parse("demo/jiangning-kindergartens.yaml");

        Assert.Equal("江宁区幼儿园课程游戏化建设项目研究共同体", hub.Name);
        Assert.Equal(14, hub.Units.Count);
        Assert.Contains(hub.Units, u => u.Name == "秣陵中心幼儿园");
        Assert.Contains(hub.Units, u => u.Name == "竹山幼儿园");
        Assert.All(hub.Units, u => Assert.Contains(hub.People, p => p.UnitId == u.Id && p.HasRole(PersonRole.Liaison)));
        Assert.Contains(hub.People, p => p.HasRole(PersonRole.Coordinator));
        Assert.Contains(hub.People, p => p.HasRole(PersonRole.Leader));
        Assert.Equal(["寒假"], hub.Calendar.DaysOff.Where(d => d.First == new DateOnly(2027, 1, 23)).Select(d => d.Reason));
    }

    [Fact]
    public void Kindergartens_WeeklyReport_HasTheFieldsLadderAndMondayDigest()
    {
        ReportKind weekly = Assert.Single(Parse("demo/jiangning-kindergartens.yaml").Reports, r => r.Title == "周报");

        Assert.Equal(["本周进展", "存在问题", "下周计划", "活动场次"], weekly.Fields.Select(f => f.Label));
        Assert.Equal([true, false, true, false], weekly.Fields.Select(f => f.Required));
        Assert.Equal(FieldType.Number, weekly.Fields[3].Type);
        Assert.Equal(
            [
                new ReminderStep(-1, DayUnit.Calendar, null, ReminderAudience.Submitter, null),
                new ReminderStep(0, DayUnit.Calendar, null, ReminderAudience.Submitter, "members-group"),
                new ReminderStep(1, DayUnit.Working, null, ReminderAudience.Coordinator, "office-chat"),
                new ReminderStep(3, DayUnit.Working, null, ReminderAudience.Leader, "leaders-group"),
            ],
            weekly.Reminders);
        Digest digest = Assert.Single(weekly.Digests);
        Assert.Equal(new DigestSchedule(DayOfWeek.Monday, new TimeOnly(9, 0)), digest.Schedule);
    }

    [Fact]
    public void MedicalInsurance_HasTheSixBureausAndSecretsByReference()
    {
        HubDefinition hub = Parse("demo/county-medical-insurance.yaml");

        Assert.Equal(["县医疗保障局", "县卫生健康局", "县市场监督管理局", "县财政局", "县发展和改革局", "县公安局"], hub.Units.Select(u => u.Name));
        Assert.Equal(SecretSource.AppSetting, hub.WeCom!.Secret.Source);
        Assert.All(hub.Channels.OfType<RobotWebhookChannel>(), c => Assert.Equal(SecretSource.AppSetting, c.Webhook.Source));
    }

    [Fact]
    public void Schema_PropertyNames_AreExactlyThoseTheAnnotatedExampleExplains()
    {
        using JsonDocument schema = JsonDocument.Parse(HubFiles.Read("hub.schema.json"));
        var schemaNames = new SortedSet<string>(StringComparer.Ordinal);
        CollectSchemaProperties(schema.RootElement, schemaNames);
        schemaNames.Remove("$schema");

        var stream = new YamlStream();
        stream.Load(new StringReader(HubFiles.Read("example.annotated.yaml")));
        var exampleNames = new SortedSet<string>(StringComparer.Ordinal);
        CollectYamlKeys(stream.Documents[0].RootNode, exampleNames);

        Assert.Equal(schemaNames, exampleNames);
    }

    private static HubDefinition Parse(string relativePath)
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(HubFiles.Read(relativePath));
        Assert.Empty(result.Errors);
        return result.Definition!;
    }

    private static void CollectSchemaProperties(JsonElement element, ISet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                CollectSchemaProperties(item, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty named in property.Value.EnumerateObject())
                    {
                        names.Add(named.Name);
                    }
                }

                CollectSchemaProperties(property.Value, names);
            }
        }
    }

    private static void CollectYamlKeys(YamlNode node, ISet<string> names)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
                {
                    var name = ((YamlScalarNode)entry.Key).Value!;
                    names.Add(name);

                    // The keys of `templates` are the hub's template names, not properties.
                    if (name != "templates")
                    {
                        CollectYamlKeys(entry.Value, names);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (YamlNode item in sequence.Children)
                {
                    CollectYamlKeys(item, names);
                }

                break;
        }
    }
}

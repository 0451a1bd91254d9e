using System.Globalization;
using Xunit;

namespace ServerlessHub.Hubs;

public sealed class HubDefinitionParserTests
{
    public static TheoryData<string> ShippedDocuments => [.. HubFiles.Documents.Select(d => Path.GetFileName(d))];

    /// <summary>A broken document, the path and code of the error it must produce, and why it is broken.</summary>
    public static TheoryData<string, string, string, string> BrokenDocuments => new()
    {
        { "field type misspelt", HubDocuments.MinimalWith("type: number }", "type: txt }"), "reports[0].fields[2].type", HubDefinitionErrorCodes.NotOneOf },
        { "agent id quoted", HubDocuments.MinimalWith("agentId: 1000002", "agentId: \"1000002\""), "wecom.agentId", HubDefinitionErrorCodes.ExpectedInteger },
        { "units not a list", HubDocuments.MinimalWith("units:\n  - { id: a, name: 甲单位 }\n  - { id: b, name: 乙单位 }", "units: 甲单位"), "units", HubDefinitionErrorCodes.ExpectedList },
        { "unknown property", HubDocuments.MinimalWith("name: 测试协作体", "name: 测试协作体\ntimezone: Asia/Shanghai"), "timezone", HubDefinitionErrorCodes.UnknownProperty },
        { "duplicate unit id", HubDocuments.MinimalWith("{ id: b, name: 乙单位 }", "{ id: a, name: 乙单位 }"), "units[1].id", HubDefinitionErrorCodes.DuplicateId },
        { "duplicate person", HubDocuments.MinimalWith("userId: wang", "userId: ZHANG"), "people[2].userId", HubDefinitionErrorCodes.DuplicateId },
        { "duplicate field id", HubDocuments.MinimalWith("id: sessions", "id: problems"), "reports[0].fields[2].id", HubDefinitionErrorCodes.DuplicateId },
        { "duplicate field label", HubDocuments.MinimalWith("label: 活动场次", "label: 存在问题"), "reports[0].fields[2].label", HubDefinitionErrorCodes.DuplicateId },
        { "dangling unit", HubDocuments.MinimalWith("unit: b,", "unit: c,"), "people[1].unit", HubDefinitionErrorCodes.UnknownReference },
        { "dangling channel", HubDocuments.MinimalWith("channel: leaders", "channel: bosses"), "reports[0].reminders[2].channel", HubDefinitionErrorCodes.UnknownReference },
        { "semester without terms", HubDocuments.MinimalWith("cadence: weekly", "cadence: semester"), "reports[0].cadence", HubDefinitionErrorCodes.NoTerms },
        { "once without window", HubDocuments.MinimalWith("cadence: weekly", "cadence: once"), "reports[0].window", HubDefinitionErrorCodes.BadWindow },
        { "bad time zone", HubDocuments.MinimalWith("name: 测试协作体", "name: 测试协作体\ntimeZone: Asia/Beijing"), "timeZone", HubDefinitionErrorCodes.BadTimeZone },
        { "windows time zone id", HubDocuments.MinimalWith("name: 测试协作体", "name: 测试协作体\ntimeZone: China Standard Time"), "timeZone", HubDefinitionErrorCodes.BadTimeZone },
        { "hour 25", HubDocuments.MinimalWith("time: \"17:00\"", "time: \"25:00\""), "reports[0].due.time", HubDefinitionErrorCodes.BadTime },
        { "bad hub slug", HubDocuments.MinimalWith("id: test-hub", "id: Test_Hub"), "id", HubDefinitionErrorCodes.BadId },
        { "hub slug too short", HubDocuments.MinimalWith("id: test-hub", "id: th"), "id", HubDefinitionErrorCodes.BadId },
        { "inline secret", HubDocuments.MinimalWith("secret: \"@setting:S\"", "secret: s3cr3tValue"), "wecom.secret", HubDefinitionErrorCodes.InlineSecret },
        { "malformed reference", HubDocuments.MinimalWith("secret: \"@setting:S\"", "secret: \"@settings:S\""), "wecom.secret", HubDefinitionErrorCodes.BadSecretReference },
        { "key vault without secret name", HubDocuments.MinimalWith("secret: \"@setting:S\"", "secret: \"@Microsoft.KeyVault(VaultName=kv)\""), "wecom.secret", HubDefinitionErrorCodes.BadSecretReference },
        { "no coordinator", HubDocuments.MinimalWith("roles: [liaison, coordinator]", "roles: [liaison]"), "reports[0].reminders[1].to", HubDefinitionErrorCodes.NoAudience },
        { "no leader", HubDocuments.MinimalWith("roles: [leader]", "roles: [coordinator]"), "reports[0].reminders[2].to", HubDefinitionErrorCodes.NoAudience },
        { "choice without choices", HubDocuments.MinimalWith("type: number }", "type: choice }"), "reports[0].fields[2].choices", HubDefinitionErrorCodes.NoChoices },
        { "choices on text", HubDocuments.MinimalWith("label: 存在问题, type: text }", "label: 存在问题, type: text, choices: [a] }"), "reports[0].fields[1].choices", HubDefinitionErrorCodes.PropertyNotAllowed },
        { "bad reminder offset", HubDocuments.MinimalWith("at: -1d", "at: -1day"), "reports[0].reminders[0].at", HubDefinitionErrorCodes.BadReminderOffset },
        { "days and working days", HubDocuments.MinimalWith("days: 4,", "days: 4, workingDays: 2,"), "reports[0].due.workingDays", HubDefinitionErrorCodes.ConflictingProperties },
        { "opening from itself", HubDocuments.MinimalWith("cadence: weekly", "cadence: weekly\n    opens: { from: open, time: \"08:00\" }"), "reports[0].opens.from", HubDefinitionErrorCodes.BadAnchor },
        { "liaison without unit", HubDocuments.MinimalWith("unit: a, roles: [liaison]", "roles: [liaison]"), "people[0].unit", HubDefinitionErrorCodes.MissingProperty },
        { "unit without liaison", HubDocuments.MinimalWith("{ userId: zhang, name: 张三, unit: a, roles: [liaison] }", "{ userId: zhang, name: 张三, unit: a, roles: [leader] }"), "reports[0].submitters", HubDefinitionErrorCodes.NoLiaison },
        { "role misspelt", HubDocuments.MinimalWith("roles: [leader]", "roles: [leeder]"), "people[2].roles[0]", HubDefinitionErrorCodes.NotOneOf },
        { "missing name", HubDocuments.MinimalWith("name: 测试协作体\n", ""), "name", HubDefinitionErrorCodes.MissingProperty },
        { "title too long", HubDocuments.MinimalWith("title: 周报", "title: " + new string('长', 101)), "reports[0].title", HubDefinitionErrorCodes.TooLong },
        { "end before start", HubDocuments.MinimalWith("units:", "terms:\n  - { id: t1, name: 第一学期, firstDay: 2026-09-01, lastDay: 2026-01-22 }\nunits:"), "terms[0].lastDay", HubDefinitionErrorCodes.BadDateRange },
        { "not a date", HubDocuments.MinimalWith("units:", "calendar:\n  daysOff:\n    - { from: 2026-02-30, reason: 寒假 }\nunits:"), "calendar.daysOff[0].from", HubDefinitionErrorCodes.BadDate },
        { "app chat without wecom", HubDocuments.MinimalWith("channels:", "channels:\n  - { id: office, kind: app-chat, chatId: office2026 }").Replace("wecom:", "wecomx:", StringComparison.Ordinal), "wecomx", HubDefinitionErrorCodes.UnknownProperty },
        { "chat id too long", HubDocuments.MinimalWith("channels:", "channels:\n  - { id: office, kind: app-chat, chatId: " + new string('c', 33) + " }"), "channels[0].chatId", HubDefinitionErrorCodes.BadWeComId },
        { "webhook on app chat", HubDocuments.MinimalWith("channels:", "channels:\n  - { id: office, kind: app-chat, chatId: office2026, webhook: \"@setting:X\" }"), "channels[0].webhook", HubDefinitionErrorCodes.PropertyNotAllowed },
        { "reminder without wecom or channel", HubDocuments.MinimalWith("wecom:\n  corpId: ww0123456789abcdef\n  agentId: 1000002\n  token: \"@setting:T\"\n  encodingAesKey: \"@setting:K\"\n  secret: \"@setting:S\"\n", ""), "reports[0].reminders[0]", HubDefinitionErrorCodes.NoDelivery },
        { "report alias reused", HubDocuments.MinimalWith("title: 周报", "title: 周报\n    aliases: [月报]\n  - { id: monthly, title: 月报, cadence: monthly, due: { from: end, workingDays: 3, time: \"17:00\" }, fields: [ { id: x, label: 内容, type: text } ] }\n  - id: spare\n    title: 备用"), "reports[1].title", HubDefinitionErrorCodes.DuplicateId },
        { "too many fields", HubDocuments.MinimalWith("      - { id: sessions, label: 活动场次, type: number }", string.Concat(Enumerable.Range(0, 50).Select(i => $"\n      - {{ id: f{i}, label: 字段{i}, type: number }}"))), "reports[0].fields", HubDefinitionErrorCodes.TooMany },
        { "root is a list", "- a\n- b\n", "", HubDefinitionErrorCodes.ExpectedMapping },
        { "empty", "  \n# nothing\n", "", HubDefinitionErrorCodes.Empty },
        { "too large", "name: " + new string('x', HubDefinitionLimits.MaxDocumentBytes), "", HubDefinitionErrorCodes.TooLarge },
        { "billion laughs", BillionLaughs, "", HubDefinitionErrorCodes.Alias },
        { "deep nesting", "id: " + new string('[', 100) + new string(']', 100), "", HubDefinitionErrorCodes.TooDeep },
        { "deep json", "{\"id\": " + new string('[', 100) + new string(']', 100) + "}", "", HubDefinitionErrorCodes.TooDeep },
        { "yaml tag", HubDocuments.MinimalWith("name: 测试协作体", "name: !!binary 5rWL6K+V"), "", HubDefinitionErrorCodes.Tag },
        { "two documents", HubDocuments.Minimal + "\n---\nid: other\n", "", HubDefinitionErrorCodes.MultipleDocuments },
        { "complex key", "? [a, b]\n: c\n", "", HubDefinitionErrorCodes.ComplexKey },
    };

    [Theory]
    [MemberData(nameof(ShippedDocuments))]
    public void Parse_ShippedDocument_Succeeds(string fileName)
    {
        string text = File.ReadAllText(HubFiles.Documents.Single(d => Path.GetFileName(d) == fileName));

        HubDefinitionParseResult result = HubDefinitionParser.Parse(text);

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Parse_Minimal_Succeeds()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(HubDocuments.Minimal);

        Assert.Empty(result.Errors);
        Assert.Equal("test-hub", result.Definition!.Id);
        Assert.Equal("Asia/Shanghai", result.Definition.TimeZone.Id);
        Assert.Equal(StatutoryCalendar.China, result.Definition.Calendar.Statutory);
        Assert.False(result.Definition.AllowInlineSecrets);
    }

    [Fact]
    public void Parse_JsonOfMinimal_GivesTheSameDefinition()
    {
        HubDefinitionParseResult yaml = HubDefinitionParser.Parse(HubDocuments.Minimal);
        HubDefinitionParseResult json = HubDefinitionParser.Parse(HubDocuments.MinimalJson);

        Assert.Empty(json.Errors);
        Assert.Equal(Describe(yaml.Definition!), Describe(json.Definition!));
    }

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void Parse_BrokenDocument_ReportsPathAndCode(string why, string document, string path, string code)
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(document);

        Assert.False(result.Succeeded, why);
        Assert.Contains(result.Errors, e => e.Path == path && e.Code == code);
    }

    [Fact]
    public void Parse_MisspeltFieldType_SaysWhatIsExpectedInBothLanguages()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(HubDocuments.MinimalWith("type: number }", "type: txt }"));

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal("reports[0].fields[2].type: 'txt' is not a field type; expected text, number, choice, date", error.English);
        Assert.Equal("reports[0].fields[2].type：'txt' 不是有效的字段类型，应为 text、number、choice、date 之一", error.Chinese);
        Assert.Equal(error.English, error.GetMessage(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal(error.Chinese, error.GetMessage(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(error.Chinese, error.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal((26, 44), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_UnknownProperty_SuggestsTheClosestName()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(HubDocuments.MinimalWith("name: 测试协作体", "name: 测试协作体\ntimezone: Asia/Shanghai"));

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal("timezone: unknown property 'timezone'; did you mean 'timeZone'?", error.English);
        Assert.Equal("timezone：未知属性 'timezone'，是否应为 'timeZone'？", error.Chinese);
    }

    [Fact]
    public void Parse_UnknownPropertyFarFromAny_ListsTheKnownNames()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(HubDocuments.MinimalWith("{ id: a, name: 甲单位 }", "{ id: a, name: 甲单位, leader: x }"));

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal("units[0].leader: unknown property 'leader'; expected one of id, name", error.English);
    }

    [Fact]
    public void Parse_InlineSecret_NeverQuotesTheValue()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(HubDocuments.MinimalWith("secret: \"@setting:S\"", "secret: s3cr3tValue"));

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.DoesNotContain("s3cr3tValue", error.English, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3tValue", error.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InlineSecretWithDevelopmentFlag_AcceptsItAndHidesItFromToString()
    {
        string document = HubDocuments.MinimalWith("secret: \"@setting:S\"", "secret: s3cr3tValue") + "\nallowInlineSecrets: true\n";

        HubDefinitionParseResult result = HubDefinitionParser.Parse(document);

        Assert.Empty(result.Errors);
        Assert.Equal(new SecretReference(SecretSource.Inline, "s3cr3tValue"), result.Definition!.WeCom!.Secret);
        Assert.DoesNotContain("s3cr3tValue", result.Definition.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3tValue", result.Definition.WeCom.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@setting:WECOM_SECRET", SecretSource.AppSetting, "WECOM_SECRET")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv1.vault.azure.net/secrets/wecom/)", SecretSource.KeyVault, "@Microsoft.KeyVault(SecretUri=https://kv1.vault.azure.net/secrets/wecom/)")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv1;SecretName=wecom;SecretVersion=abc)", SecretSource.KeyVault, "@Microsoft.KeyVault(VaultName=kv1;SecretName=wecom;SecretVersion=abc)")]
    public void Parse_SecretReference_IsRecognised(string written, SecretSource source, string value)
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(HubDocuments.MinimalWith("secret: \"@setting:S\"", $"secret: \"{written}\""));

        Assert.Empty(result.Errors);
        Assert.Equal(new SecretReference(source, value), result.Definition!.WeCom!.Secret);
    }

    [Fact]
    public void Parse_MalformedYaml_ReportsLineAndColumn()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse("id: test-hub\nname: 测试\nunits: [ { id: a, name: 甲 }\npeople: []\n");

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal(HubDefinitionErrorCodes.YamlSyntax, error.Code);
        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.StartsWith("line 4, column 1: YAML syntax error: ", error.English, StringComparison.Ordinal);
        Assert.StartsWith("第 4 行第 1 列：YAML 语法错误：", error.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadIndentation_ReportsLineAndColumn()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse("id: test-hub\nname: 测试\nunits:\n  - id: a\n   name: 甲\n");

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal(HubDefinitionErrorCodes.YamlSyntax, error.Code);
        Assert.Equal((5, 4), (error.Line, error.Column));
        Assert.DoesNotContain("Idx:", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateYamlKey_ReportsWhereTheSecondIs()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse("id: test-hub\nname: a\nname: b\n");

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal(HubDefinitionErrorCodes.DuplicateKey, error.Code);
        Assert.Equal((3, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_JsonWithTrailingComma_ReportsJsonSyntaxWithLineAndColumn()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse("{\n  \"id\": \"test-hub\",\n  \"name\": \"测试\",\n}");

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal(HubDefinitionErrorCodes.JsonSyntax, error.Code);
        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.StartsWith("line 4, column 1: JSON syntax error: ", error.English, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.English, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonWithDuplicateProperty_IsAnError()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse("{\"id\": \"test-hub\", \"id\": \"other\"}");

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal(HubDefinitionErrorCodes.DuplicateKey, error.Code);
        Assert.Equal((1, 20), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_JsonSemanticError_HasPathAndPosition()
    {
        string json = HubDocuments.Replace(HubDocuments.MinimalJson, "\"agentId\": 1000002", "\"agentId\": \"1000002\"");

        HubDefinitionParseResult result = HubDefinitionParser.Parse(json);

        HubDefinitionError error = Assert.Single(result.Errors);
        Assert.Equal(("wecom.agentId", HubDefinitionErrorCodes.ExpectedInteger), (error.Path, error.Code));
        Assert.Equal((4, 57), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_ManyErrors_StopsAtTheLimitAndSaysSo()
    {
        string units = string.Concat(Enumerable.Range(0, 300).Select(i => $"\n  - {{ id: U{i}, name: 单位 }}"));
        string document = HubDocuments.MinimalWith("units:", "units:" + units);

        HubDefinitionParseResult result = HubDefinitionParser.Parse(document);

        Assert.Equal(HubDefinitionLimits.MaxErrors + 1, result.Errors.Count);
        Assert.Equal(HubDefinitionErrorCodes.TooManyErrors, result.Errors[^1].Code);
    }

    [Fact]
    public void Parse_MalformedUnitId_IsReportedOnceNotAsDanglingReferences()
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(HubDocuments.MinimalWith("{ id: a, name: 甲单位 }", "{ id: A, name: 甲单位 }").Replace("unit: a,", "unit: A,", StringComparison.Ordinal));

        Assert.Equal(["units[0].id", "people[0].unit"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.Equal(HubDefinitionErrorCodes.BadId, e.Code));
    }

    private const string BillionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;

    private static string Describe(HubDefinition hub) => string.Join(
        "\n",
        [
            hub.ToString(),
            .. hub.Units.Select(u => u.ToString()),
            .. hub.People.Select(p => $"{p} {string.Join(",", p.Roles)}"),
            .. hub.Channels.Select(c => c.ToString()),
            .. hub.Reports.SelectMany(r => (IEnumerable<object>)[r, r.Schedule, r.Submitters, .. r.Fields, .. r.Reminders]).Select(o => o.ToString()),
        ]);
}

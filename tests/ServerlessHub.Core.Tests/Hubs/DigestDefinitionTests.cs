using Xunit;

namespace ServerlessHub.Hubs;

/// <summary>Digests' highlights, problems and schedule, quotas and the hub's own templates in a hub definition.</summary>
public sealed class DigestDefinitionTests
{
    private const string Reminders = "      - { at: +3wd, to: leader, channel: leaders }";

    [Fact]
    public void Parse_DigestWithFieldsScheduleAndQuota_BindsThem()
    {
        var result = HubDefinitionParser.Parse(With("""
                quotas:
                  - { field: sessions, atLeast: 2, per: year }
                digests:
                  - id: weekly-digest
                    template: short
                    channels: [leaders]
                    schedule: { weekday: monday, time: "09:00", onDaysOff: post }
                    highlights: progress
                    problems: problems
            templates:
              short: |
                # {{ report }}
            """));

        Assert.Empty(result.Errors);
        var kind = result.Definition!.Reports[0];
        Assert.Equal(new Quota("sessions", 2, QuotaSpan.Year), Assert.Single(kind.Quotas));
        var digest = Assert.Single(kind.Digests);
        Assert.Equal(("progress", "problems", DaysOffRule.Post), (digest.HighlightsFieldId, digest.ProblemsFieldId, digest.Schedule.OnDaysOff));
        Assert.Equal("# {{ report }}", result.Definition.Templates["short"]);
    }

    [Theory]
    [InlineData("highlights: sessions", "reports[0].digests[0].highlights", HubDefinitionErrorCodes.WrongFieldType)]
    [InlineData("highlights: nothing", "reports[0].digests[0].highlights", HubDefinitionErrorCodes.UnknownReference)]
    [InlineData("problems: sessions", "reports[0].digests[0].problems", HubDefinitionErrorCodes.WrongFieldType)]
    public void Parse_DigestFieldOfWrongKind_FailsAtItsPath(string line, string path, string code)
    {
        var result = HubDefinitionParser.Parse(With($$"""
                digests:
                  - id: weekly-digest
                    template: digest-weekly
                    channels: [leaders]
                    schedule: { weekday: monday, time: "09:00" }
                    {{line}}
            """));

        var error = Assert.Single(result.Errors);
        Assert.Equal((path, code), (error.Path, error.Code));
    }

    [Theory]
    [InlineData("{ field: progress, atLeast: 2, per: year }", "reports[0].quotas[0].field", HubDefinitionErrorCodes.WrongFieldType)]
    [InlineData("{ field: sessions, atLeast: 0, per: year }", "reports[0].quotas[0].atLeast", HubDefinitionErrorCodes.OutOfRange)]
    [InlineData("{ field: sessions, atLeast: 2 }", "reports[0].quotas[0].per", HubDefinitionErrorCodes.NoTerms)]
    public void Parse_BadQuota_FailsAtItsPath(string quota, string path, string code)
    {
        var result = HubDefinitionParser.Parse(With($$"""
                quotas:
                  - {{quota}}
            """));

        var error = Assert.Single(result.Errors);
        Assert.Equal((path, code), (error.Path, error.Code));
    }

    [Fact]
    public void Parse_TemplateWithBadName_FailsAtItsPath()
    {
        var result = HubDefinitionParser.Parse(With("""
            templates:
              Bad_Name: "x"
            """));

        Assert.Equal("templates.Bad_Name", Assert.Single(result.Errors).Path);
    }

    private static string With(string addition) => HubDocuments.MinimalWith(Reminders, Reminders + "\n" + addition.TrimEnd());
}

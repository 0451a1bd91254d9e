using ServerlessHub.Hubs;
using ServerlessHub.Replies;
using ServerlessHub.Testing;

namespace ServerlessHub.MicroBenchmarks;

/// <summary>The demo hubs of <c>hubs/demo/</c> and the repository's templates, read from the checkout as the tests read them.</summary>
internal static class DemoHubs
{
    /// <summary>江宁区幼儿园…: 14 kindergartens, 周报, 月通报 and the term reports.</summary>
    public static Hub Kindergartens() => Load("jiangning-kindergartens");

    public static TemplateRenderer Templates() => TemplateRenderer.Load(Path.Combine(RepositoryRoot.Path, "templates"));

    public static Hub Parse(string document)
    {
        var result = HubDefinitionParser.Parse(document);
        return result.Succeeded ? new Hub(result.Definition, 1) : throw new InvalidDataException(string.Join("; ", result.Errors));
    }

    public static Person PersonOf(this Hub hub, string userId) => hub.FindPerson(userId) ?? throw new ArgumentException($"No {userId} in {hub.Id}.", nameof(userId));

    public static ReportKind ReportOf(this Hub hub, string id) => hub.FindReport(id) ?? throw new ArgumentException($"No {id} in {hub.Id}.", nameof(id));

    private static Hub Load(string name) => Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "hubs", "demo", name + ".yaml")));
}

using ServerlessHub.Hubs;
using ServerlessHub.Testing;

namespace ServerlessHub.Replies;

/// <summary>The demo hubs of <c>hubs/demo/</c>, parsed once, and the repository's templates.</summary>
internal static class DemoHubs
{
    public static Hub Kindergartens { get; } = Load("jiangning-kindergartens");

    public static Hub MedicalInsurance { get; } = Load("county-medical-insurance");

    public static TemplateRenderer Templates { get; } = TemplateRenderer.Load(Path.Combine(RepositoryRoot.Path, "templates"));

    public static Person PersonOf(this Hub hub, string userId) => hub.FindPerson(userId) ?? throw new ArgumentException($"No {userId} in {hub.Id}.", nameof(userId));

    public static ReportKind ReportOf(this Hub hub, string id) => hub.FindReport(id) ?? throw new ArgumentException($"No {id} in {hub.Id}.", nameof(id));

    private static Hub Load(string name)
    {
        var result = HubDefinitionParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "hubs", "demo", name + ".yaml")));
        return result.Succeeded ? new Hub(result.Definition, 1) : throw new InvalidDataException(string.Join("; ", result.Errors));
    }
}

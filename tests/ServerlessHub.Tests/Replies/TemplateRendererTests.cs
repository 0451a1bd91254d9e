using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessHub.Testing;

namespace ServerlessHub.Replies;

public sealed class TemplateRendererTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("templates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record Unit(string Name);

    private sealed record Model(string Title, Unit Hub, IReadOnlyList<Unit> Units, int Count);

    private static readonly Model Sample = new("周报", new Unit("共同体"), [new Unit("秣陵中心幼儿园"), new Unit("谷里中心幼儿园")], 3);

    [Fact]
    public void Load_SyntaxError_ThrowsWithTemplateNameAndPosition()
    {
        Write("chat/broken", "第一行\n{{ if title }}\n没有结束");

        var error = Assert.Throws<InvalidDataException>(() => TemplateRenderer.Load(_folder));

        Assert.Contains("chat/broken", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+,\d+\)", error.Message);
    }

    [Fact]
    public void Render_Model_SeesPropertiesInSnakeCase()
    {
        Write("list", "{{ title }}（{{ hub.name }}）：{{ units | array.map \"name\" | array.join \"、\" }}，共{{ count }}个");

        var text = TemplateRenderer.Load(_folder).Render("list", Sample);

        Assert.Equal("周报（共同体）：秣陵中心幼儿园、谷里中心幼儿园，共3个", text);
    }

    [Fact]
    public void Render_Output_TrimsLineEndsAndBlankRuns()
    {
        Write("tidy", "\n\n第一行   \n\n\n\n第二行\t\n\n");

        Assert.Equal("第一行\n\n第二行", TemplateRenderer.Load(_folder).Render("tidy", Sample));
    }

    [Theory]
    [InlineData("{{ hub.definition }}")]
    [InlineData("{{ hub.GetType }}")]
    [InlineData("{{ title.length }}")]
    [InlineData("{{ units[0].equality_contract }}")]
    [InlineData("{{ model }}")]
    [InlineData("{{ titel }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ include 'other' }}")]
    [InlineData("{{ import 'System' }}")]
    public void Render_AnythingBeyondTheModel_ThrowsWithTemplateName(string text)
    {
        Write("probe", text);

        var error = Assert.Throws<InvalidOperationException>(() => TemplateRenderer.Load(_folder).Render("probe", Sample));

        Assert.Contains("'probe'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ for i in 1..5000 }}x{{ end }}")]
    [InlineData("{{ while true }}x{{ end }}")]
    [InlineData("{{ for u in units }}{{ for i in 1..1500 }}{{ end }}{{ end }}")]
    [InlineData("{{ func f(x); ret f(x); end; f 1 }}")]
    [InlineData("{{ for i in 1..1900 }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ title }}{{ end }}")]
    [InlineData("{{ s = 'x'; for i in 1..20; s = s + s; end; s }}")]
    public void Render_LimitReached_ThrowsWithTemplateName(string text)
    {
        Write("runaway", text);

        var error = Assert.Throws<InvalidOperationException>(() => TemplateRenderer.Load(_folder).Render("runaway", Sample));

        Assert.Contains("'runaway'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownName_ThrowsArgumentException()
    {
        Write("known", "x");

        Assert.Throws<ArgumentException>(() => TemplateRenderer.Load(_folder).Render("unknown", Sample));
    }

    [Fact]
    public void Load_RepositoryTemplates_EachDocumentsItsModelFirst()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "templates");
        foreach (var path in Directory.EnumerateFiles(folder, "*.scriban", SearchOption.AllDirectories))
        {
            Assert.StartsWith("{{~ ##\n", File.ReadAllText(path).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        Assert.NotEmpty(DemoHubs.Templates.Names);
    }

    [Fact]
    public void AddReplies_FolderOfTheBuild_LoadsTheCopiedTemplates()
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(ReplyCases.Thursday))
            .AddReplies();
        using var provider = services.BuildServiceProvider();

        var reply = provider.GetRequiredService<ChatReplies>().Welcome(DemoHubs.Kindergartens, DemoHubs.Kindergartens.PersonOf("wangxiaomei"));

        Assert.Equal(DemoHubs.Templates.Names.Order(), provider.GetRequiredService<TemplateRenderer>().Names.Order());
        Assert.StartsWith("王晓梅您好", reply.Text, StringComparison.Ordinal);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_folder, name + ".scriban");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessHub.LocalHost.HubFiles;

/// <summary>
/// <c>hub apply --endpoint URL --admin-key KEY FILE…</c> against a running local host over HTTP: the admin API a
/// deployed app serves, with the lines a local apply prints.
/// </summary>
public sealed class RemoteHubApplyTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("serverlesshub-remote-").FullName;

    [Fact]
    public async Task Apply_NewThenSameThenChanged_PrintsTheLocalApplyLines_AndStoresEachVersion()
    {
        var file = await WriteAsync("remote.yaml", SmallHub("remote-hub"));

        var created = await ApplyAsync(fixture.AdminKey, file);
        var unchanged = await ApplyAsync(fixture.AdminKey, file);
        await File.WriteAllTextAsync(file, SmallHub("remote-hub").Replace("试点中枢", "试点中枢（二期）", StringComparison.Ordinal), _ct);
        var updated = await ApplyAsync(fixture.AdminKey, file, "--lang=en");

        Assert.Equal((0, $"{file}：中枢 remote-hub 已创建，第 1 版"), (created.Exit, created.Output));
        Assert.Equal((0, $"{file}：中枢 remote-hub 无变化，第 1 版"), (unchanged.Exit, unchanged.Output));
        Assert.Equal((0, $"{file}: hub remote-hub updated, version 2"), (updated.Exit, updated.Output));
        var hub = await fixture.Client(fixture.AdminKey).GetFromJsonAsync<JsonElement>("/api/manage/hubs/remote-hub", _ct);
        Assert.Equal(2, hub.GetProperty("version").GetInt32());
        Assert.StartsWith("cli:", hub.GetProperty("appliedBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_JsonDocument_IsApplied()
    {
        var file = await WriteAsync("remote.json", """
            {"id": "remote-json", "name": "试点中枢", "timeZone": "Asia/Shanghai",
             "units": [{"id": "a", "name": "甲单位"}],
             "people": [{"userId": "zhangsan", "name": "张三", "unit": "a", "roles": ["liaison", "coordinator"]}],
             "reports": [{"id": "weekly", "title": "周报", "cadence": "weekly", "due": {"from": "start", "days": 4, "time": "17:00"},
                          "fields": [{"id": "progress", "label": "本周进展", "type": "text", "required": true}]}]}
            """);

        var result = await ApplyAsync(fixture.AdminKey, file);

        Assert.True(result.Exit == 0, result.Error);
        Assert.Equal($"{file}：中枢 remote-json 已创建，第 1 版", result.Output);
    }

    [Theory]
    [InlineData("--lang=en", "1 problem(s), nothing applied", "reports[0].fields[0].type: 'txt' is not a field type")]
    [InlineData("--lang=zh", "有 1 处问题，未应用", "reports[0].fields[0].type")]
    public async Task Apply_InvalidDocument_ListsTheProblemsTheAppAnswered_AndStoresNothing(string language, string summary, string problem)
    {
        var file = await WriteAsync("broken.yaml", SmallHub("remote-broken").Replace("type: text", "type: txt", StringComparison.Ordinal));

        var result = await ApplyAsync(fixture.AdminKey, file, language);

        Assert.Equal(1, result.Exit);
        var lines = result.Error.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(file + (language == "--lang=en" ? ": " : "：") + summary, lines[0]);
        Assert.StartsWith(problem, lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client(fixture.AdminKey).GetAsync("/api/manage/hubs/remote-broken", _ct)).StatusCode);
    }

    [Fact]
    public async Task Apply_DocumentWithoutAnId_ListsTheValidatorsProblems()
    {
        var file = await WriteAsync("no-id.yaml", SmallHub("x").Replace("id: x\n", "", StringComparison.Ordinal));

        var result = await ApplyAsync(fixture.AdminKey, file, "--lang=en");

        Assert.Equal(1, result.Exit);
        var lines = result.Error.Split('\n', StringSplitOptions.TrimEntries);
        Assert.EndsWith("nothing applied", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(1), line => line.StartsWith("id", StringComparison.Ordinal) || line.Contains("'id'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_WithAHubKeyInsteadOfAnAdminKey_IsRefused()
    {
        var file = await WriteAsync("refused.yaml", SmallHub("remote-refused"));

        var result = await ApplyAsync(fixture.HubKeys[HubApiFixture.County], file, "--lang=en");

        Assert.Equal(1, result.Exit);
        Assert.Contains("refused the key (HTTP 403)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_ToAnAddressThatIsNotTheApp_SaysSo()
    {
        var file = await WriteAsync("elsewhere.yaml", SmallHub("remote-elsewhere"));

        var notTheApp = await ApplyAsync(fixture.AdminKey, file, "--lang=en", endpoint: new Uri(fixture.Hub.BaseAddress, "/elsewhere/").AbsoluteUri);
        var nobody = await ApplyAsync(fixture.AdminKey, file, "--lang=en", endpoint: "http://127.0.0.1:1");

        Assert.Equal(1, notTheApp.Exit);
        Assert.Contains("(HTTP 404); check that --endpoint is the app's address", notTheApp.Error, StringComparison.Ordinal);
        Assert.Equal(1, nobody.Exit);
        Assert.Contains("cannot reach 127.0.0.1:1", nobody.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://serverlesshub.example.com")]
    [InlineData("not a url")]
    public async Task Apply_ToAPlainHttpHostOrNoUrl_IsRefusedBeforeSendingTheKey(string endpoint)
    {
        var file = await WriteAsync("plain.yaml", SmallHub("remote-plain"));

        var result = await ApplyAsync(fixture.AdminKey, file, "--lang=en", endpoint: endpoint);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--endpoint must be the app's https address", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WithoutAnAdminKey_PrintsUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Commands.RunAsync(["hub", "apply", "--endpoint", fixture.Hub.BaseAddress.AbsoluteUri, "hub.yaml"], null, output, error, _ct);

        Assert.Equal(2, exit);
        Assert.Contains("hub apply --endpoint 地址 --admin-key 密钥 文件", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> ApplyAsync(string adminKey, string file, string language = "--lang=zh", string? endpoint = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Commands.RunAsync(
            ["hub", "apply", "--endpoint", endpoint ?? fixture.Hub.BaseAddress.AbsoluteUri, "--admin-key", adminKey, language, file], null, output, error, _ct);
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var file = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(file, text, _ct);
        return file;
    }

    private static string SmallHub(string id) => $"""
        id: {id}
        name: 试点中枢
        timeZone: Asia/Shanghai
        units:
          - {"{"} id: a, name: 甲单位 {"}"}
        people:
          - {"{"} userId: zhangsan, name: 张三, unit: a, roles: [liaison, coordinator] {"}"}
        reports:
          - id: weekly
            title: 周报
            cadence: weekly
            due: {"{"} from: start, days: 4, time: "17:00" {"}"}
            fields:
              - {"{"} id: progress, label: 本周进展, type: text, required: true {"}"}

        """;
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServerlessHub.LocalHost;

namespace ServerlessHub.Hubs;

public sealed class ManageHubsApiTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _admin = fixture.Client(fixture.AdminKey);

    [Fact]
    public async Task Apply_NewThenSameThenChanged_CreatesKeepsAndVersions()
    {
        var yaml = SmallHub("pilot-hub");

        using var created = await PutAsync("pilot-hub", yaml);
        using var unchanged = await PutAsync("pilot-hub", yaml);
        using var updated = await PutAsync("pilot-hub", yaml.Replace("试点中枢", "试点中枢（二期）", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("unchanged", (await unchanged.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("outcome").GetString());
        var second = await updated.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("updated", second.GetProperty("outcome").GetString());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var hub = await _admin.GetFromJsonAsync<JsonElement>("/api/manage/hubs/pilot-hub", _ct);
        Assert.Equal([2, 1], hub.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var first = await _admin.GetFromJsonAsync<JsonElement>("/api/manage/hubs/pilot-hub?version=1", _ct);
        Assert.Equal(yaml, first.GetProperty("document").GetString());
    }

    [Fact]
    public async Task Apply_InvalidDocument_Answers422WithPathsAndStoresNothing()
    {
        using var response = await PutAsync("broken-hub", SmallHub("broken-hub").Replace("type: text", "type: txt", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("reports[0].fields[0].type", error.GetProperty("path").GetString());
        Assert.Contains("'txt'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/manage/hubs/broken-hub", _ct)).StatusCode);
    }

    [Theory]
    [InlineData("id: [unclosed\n", "line")]
    [InlineData("{\"id\": \"x\",}", "line")]
    public async Task Apply_MalformedYamlOrJson_Answers422WithThePosition(string document, string mentioned)
    {
        using var response = await PutAsync("malformed", document);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors")[0].TryGetProperty(mentioned, out _));
    }

    [Fact]
    public async Task Apply_DocumentOfAnotherHub_Answers400()
    {
        using var response = await PutAsync("some-hub", SmallHub("other-hub"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("other-hub", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Over256KiB_Answers413()
    {
        using var response = await PutAsync("big-hub", SmallHub("big-hub") + "#" + new string('x', 300 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task CreateKey_ForExistingHub_ReturnsAKeyThatOpensIt()
    {
        using var response = await _admin.PostAsync($"/api/manage/hubs/{HubApiFixture.County}/keys", new StringContent("""{"name":"县医保局报表系统"}""", Encoding.UTF8, "application/json"), _ct);
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("key").GetString();
        using var client = fixture.Client(key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/hubs/{HubApiFixture.County}/reports/weekly/periods/current/status", _ct)).StatusCode);
    }

    [Fact]
    public async Task CommandLine_HubApply_AppliesValidAndReportsInvalidFiles()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var good = Path.Combine(dir, "good.yaml");
        var bad = Path.Combine(dir, "bad.yaml");
        await File.WriteAllTextAsync(good, SmallHub("cli-hub"), _ct);
        await File.WriteAllTextAsync(bad, SmallHub("cli-bad").Replace("timeZone: Asia/Shanghai", "timeZone: Mars/Olympus", StringComparison.Ordinal), _ct);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Commands.RunAsync(["hub", "apply", good, bad], new Dictionary<string, string?> { ["AzureWebJobsStorage"] = fixture.ConnectionString }, output, error, _ct);

        Assert.Equal(1, exit);
        Assert.Contains("cli-hub 已创建，第 1 版", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("timeZone", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/manage/hubs/cli-hub", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/manage/hubs/cli-bad", _ct)).StatusCode);
    }

    private async Task<HttpResponseMessage> PutAsync(string hubId, string document) =>
        await _admin.PutAsync($"/api/manage/hubs/{hubId}", new StringContent(document, Encoding.UTF8, "application/yaml"), _ct);

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

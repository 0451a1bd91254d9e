using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ServerlessHub.Submissions;

public sealed class SubmissionsApiTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private const string Weekly = $"/api/hubs/{HubApiFixture.Schools}/reports/weekly/periods";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Client(fixture.HubKeys[HubApiFixture.Schools]);

    [Fact]
    public async Task Submit_ValidReport_StoresItOnTimeWithRevisionOne()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);

        using var response = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"moling","fields":{"progress":"开展区域游戏观察","plan":"组织教研","sessions":3},"submittedBy":"wangxiaomei"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.EndsWith("/2026-W48/submissions/moling", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var read = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/submissions/moling", _ct);
        Assert.Equal("开展区域游戏观察", read.GetProperty("fields").GetProperty("progress").GetString());
        Assert.Equal("3", read.GetProperty("fields").GetProperty("sessions").GetString());
        Assert.False(read.GetProperty("late").GetBoolean());
        Assert.Equal(1, read.GetProperty("revision").GetInt32());
        Assert.Equal("submitted", read.GetProperty("revisions")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task List_CurrentPeriod_ReturnsItsSubmissionsUnderTheRealKey()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var created = await PostAsync($"{Weekly}/current/submissions", """{"unitId":"tianyuancheng","fields":{"progress":"本周","plan":"下周"}}""");

        var list = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/current/submissions", _ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith("/2026-W48/submissions/tianyuancheng", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("2026-W48", list.GetProperty("period").GetProperty("key").GetString());
        Assert.Contains(list.GetProperty("submissions").EnumerateArray(), s => s.GetProperty("submitterId").GetString() == "tianyuancheng");
    }

    [Fact]
    public async Task Submit_SameUnitTwice_Answers409AndKeepsTheFirst()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var first = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"guli","fields":{"progress":"第一次","plan":"计划"}}""");

        using var second = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"guli","fields":{"progress":"第二次","plan":"计划"}}""");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已报送", (await second.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("第一次", (await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/submissions/guli", _ct)).GetProperty("fields").GetProperty("progress").GetString());
    }

    [Fact]
    public async Task Submit_AfterDue_IsLateAndStatusCountsMissingAndLate()
    {
        // Saturday 2026-11-28 10:00 Shanghai: after W48's Friday 17:00 due time.
        fixture.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
        using var late = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"chunhua","fields":{"progress":"补报","plan":"计划"}}""");

        var status = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/status", _ct);

        Assert.True((await late.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("late").GetBoolean());
        var lines = status.GetProperty("submitters").EnumerateArray().ToDictionary(s => s.GetProperty("submitterId").GetString()!, s => s.GetProperty("state").GetString());
        Assert.Equal(14, lines.Count);
        Assert.Equal("late", lines["chunhua"]);
        Assert.Equal("missing", lines["zhushan"]);
        Assert.Equal(14, status.GetProperty("counts").GetProperty("expected").GetInt32());
        Assert.Equal(0, status.GetProperty("counts").GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task Submit_PeriodNotOpenYet_Answers409WithTheOpeningTime()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);

        using var response = await PostAsync($"{Weekly}/2026-W50/submissions", """{"unitId":"moling","fields":{"progress":"x","plan":"y"}}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("2026-12-07 00:00", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{Weekly}/2026-W50/submissions/moling", _ct)).StatusCode);
    }

    [Fact]
    public async Task LateWork_OneRuleForSubmitAndRevise_LastWeekStillOpenOlderWeeksClosed()
    {
        // Monday of W48: W47 takes late work until W48 falls due (acceptLateFor 1); W40 closed long ago.
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);

        using var old = await PostAsync($"{Weekly}/2026-W40/submissions", """{"unitId":"cuipingshan","fields":{"progress":"补报","plan":"计划"}}""");
        using var lastWeek = await PostAsync($"{Weekly}/2026-W47/submissions", """{"unitId":"cuipingshan","fields":{"progress":"补报","plan":"计划"}}""");
        using var revised = await SendAsync(HttpMethod.Put, $"{Weekly}/2026-W47/submissions/cuipingshan", """{"fields":{"progress":"补报（更正）"}}""");
        fixture.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var closed = await SendAsync(HttpMethod.Put, $"{Weekly}/2026-W47/submissions/cuipingshan", """{"fields":{"progress":"太晚了"}}""");

        Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
        Assert.Contains("2026-W40 已于 2026-10-09 17:00 停止受理", await old.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{Weekly}/2026-W40/submissions/cuipingshan", _ct)).StatusCode);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (lastWeek.StatusCode, revised.StatusCode));
        Assert.True((await lastWeek.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("late").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("2026-W47 已于 2026-11-27 17:00 停止受理", await closed.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revise_ChangesFieldsAndRecordsTheChange()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var created = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"qingshuiting","fields":{"progress":"初稿","plan":"计划"}}""");

        using var revised = await SendAsync(HttpMethod.Put, $"{Weekly}/2026-W48/submissions/qingshuiting", """{"fields":{"progress":"定稿","problems":"场地不足"},"submittedBy":"chenxue"}""");

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var read = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/submissions/qingshuiting", _ct);
        Assert.Equal(2, read.GetProperty("revision").GetInt32());
        Assert.Equal("计划", read.GetProperty("fields").GetProperty("plan").GetString());
        var change = read.GetProperty("revisions")[1];
        Assert.Equal("revised", change.GetProperty("action").GetString());
        Assert.Equal("chenxue", change.GetProperty("by").GetString());
        Assert.Equal(["progress", "problems"], change.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("fieldId").GetString()));
    }

    [Fact]
    public async Task Revise_StaleIfMatch_Answers412AndChangesNothing()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var created = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"dongshanqiao","fields":{"progress":"一","plan":"计划"}}""");
        var staleTag = created.Headers.ETag!.Tag;
        using var first = await SendAsync(HttpMethod.Put, $"{Weekly}/2026-W48/submissions/dongshanqiao", """{"fields":{"progress":"二"}}""");

        using var stale = await SendAsync(HttpMethod.Put, $"{Weekly}/2026-W48/submissions/dongshanqiao", """{"fields":{"progress":"三"}}""", ("If-Match", staleTag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("二", (await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/submissions/dongshanqiao", _ct)).GetProperty("fields").GetProperty("progress").GetString());
    }

    [Fact]
    public async Task Revise_FiftyConcurrently_LosesNoUpdate()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var created = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"shangfeng","fields":{"progress":"起点","plan":"计划"}}""");

        var revisions = await Task.WhenAll(Enumerable.Range(1, 50).Select(async i =>
        {
            using var response = await SendAsync(HttpMethod.Put, $"{Weekly}/2026-W48/submissions/shangfeng", $$$"""{"fields":{"progress":"版本{{{i}}}"}}""");
            return response.StatusCode;
        }));

        Assert.All(revisions, status => Assert.Equal(HttpStatusCode.OK, status));
        var read = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/submissions/shangfeng", _ct);
        Assert.Equal(51, read.GetProperty("revision").GetInt32());
        Assert.Equal(51, read.GetProperty("revisions").GetArrayLength());
        Assert.Equal(Enumerable.Range(1, 51), read.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Matches("^版本([1-9]|[1-4][0-9]|50)$", read.GetProperty("fields").GetProperty("progress").GetString());
    }

    [Fact]
    public async Task Withdraw_ThenResubmit_KeepsHistoryAndCountsAgain()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var created = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"longdu","fields":{"progress":"误报","plan":"计划"}}""");

        using var withdrawn = await SendAsync(HttpMethod.Delete, $"{Weekly}/2026-W48/submissions/longdu", null);
        var afterWithdraw = await StateOfAsync("longdu");
        using var again = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"longdu","fields":{"progress":"正式","plan":"计划"}}""");

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("pending", afterWithdraw);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var read = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/submissions/longdu", _ct);
        Assert.Equal(["submitted", "withdrawn", "resubmitted"], read.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        Assert.Equal("on-time", await StateOfAsync("longdu"));
    }

    [Fact]
    public async Task Submit_RetriedWithSameIdempotencyKey_ReturnsTheFirstResultAndStoresOnce()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        const string body = """{"unitId":"jiguan","fields":{"progress":"一次","plan":"计划"}}""";

        using var first = await PostAsync($"{Weekly}/2026-W48/submissions", body, ("Idempotency-Key", "jiguan-w48-1"));
        using var retry = await PostAsync($"{Weekly}/2026-W48/submissions", body, ("Idempotency-Key", "jiguan-w48-1"));
        using var reused = await PostAsync($"{Weekly}/2026-W48/submissions", """{"unitId":"jiguan","fields":{"progress":"另一个请求","plan":"计划呀"}}""", ("Idempotency-Key", "jiguan-w48-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(_ct), await retry.Content.ReadAsStringAsync(_ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        var read = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/submissions/jiguan", _ct);
        Assert.Equal(1, read.GetProperty("revisions").GetArrayLength());
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyWithAnotherBodyOfTheSameLength_Answers422NotTheFirstAnswer()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        const string body = """{"unitId":"longdu","fields":{"progress":"一次","plan":"计划"}}""";
        const string other = """{"unitId":"longdu","fields":{"progress":"二次","plan":"计划"}}""";

        using var first = await PostAsync($"{Weekly}/2026-W47/submissions", body, ("Idempotency-Key", "longdu-w47"));
        using var reused = await PostAsync($"{Weekly}/2026-W47/submissions", other, ("Idempotency-Key", "longdu-w47"));

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), System.Text.Encoding.UTF8.GetByteCount(other));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.False(reused.Headers.Contains("Idempotent-Replayed"));
        var read = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W47/submissions/longdu", _ct);
        Assert.Equal("一次", read.GetProperty("fields").GetProperty("progress").GetString());
    }

    [Fact]
    public async Task Revise_WithoutANamedReviser_RecordsTheKeyAndKeepsTheOriginalSubmitter()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var created = await PostAsync($"{Weekly}/2026-W47/submissions", """{"unitId":"tianyuancheng","fields":{"progress":"起点","plan":"计划"},"submittedBy":"孙悦"}""");

        using var revised = await SendAsync(HttpMethod.Put, $"{Weekly}/2026-W47/submissions/tianyuancheng", """{"fields":{"progress":"修改后"}}""");
        using var named = await SendAsync(HttpMethod.Put, $"{Weekly}/2026-W47/submissions/tianyuancheng", """{"fields":{"plan":"新计划"},"revisedBy":"钱文博"}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (revised.StatusCode, named.StatusCode));
        var read = await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W47/submissions/tianyuancheng", _ct);
        Assert.Equal("孙悦", read.GetProperty("submittedBy").GetString());
        Assert.Equal(["孙悦", "密钥:test", "钱文博"], read.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task Submit_JsonSentAsTextPlain_Answers415AndStoresNothing()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);

        using var response = await _client.PostAsync($"{Weekly}/2026-W48/submissions",
            new StringContent("""{"unitId":"shifan","fields":{"progress":"x","plan":"y"}}""", System.Text.Encoding.UTF8, "text/plain"), _ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{Weekly}/2026-W48/submissions/shifan", _ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{"unitId":"cuipingshan","fields":{"progress":"x","plan":"y"}""", HttpStatusCode.BadRequest, "JSON")]
    [InlineData("""{"unitId":"cuipingshan","fields":{"progress":"x","plan":"y"},"colour":"red"}""", HttpStatusCode.BadRequest, "colour")]
    [InlineData("""{"unitId":"cuipingshan","fields":{"progress":"x","plan":"y","mood":"好"}}""", HttpStatusCode.UnprocessableEntity, "mood")]
    [InlineData("""{"unitId":"cuipingshan","fields":{"progress":"x","plan":"y","sessions":"三场"}}""", HttpStatusCode.UnprocessableEntity, "活动场次")]
    [InlineData("""{"unitId":"cuipingshan","fields":{"progress":["x"],"plan":"y"}}""", HttpStatusCode.BadRequest, "progress")]
    [InlineData("""{"unitId":"cuipingshan","fields":{"plan":"y"}}""", HttpStatusCode.UnprocessableEntity, "本周进展")]
    [InlineData("""{"unitId":"atlantis","fields":{"progress":"x","plan":"y"}}""", HttpStatusCode.BadRequest, "atlantis")]
    [InlineData("""{"fields":{"progress":"x","plan":"y"}}""", HttpStatusCode.BadRequest, "unitId")]
    [InlineData("""{"unitId":"cuipingshan"}""", HttpStatusCode.BadRequest, "fields")]
    [InlineData("""{"unitId":"cuipingshan","fields":{"progress":1,"plan":"y"},"submittedBy":3}""", HttpStatusCode.BadRequest, "submittedBy")]
    [InlineData("""{"unitId":"cuipingshan","fields":["x"]}""", HttpStatusCode.BadRequest, "属性“fields”的值类型不对，应为对象")]
    [InlineData("""{"unitId":5,"fields":{"progress":"x","plan":"y"}}""", HttpStatusCode.BadRequest, "属性“unitId”的值类型不对，应为文本")]
    [InlineData("[]", HttpStatusCode.BadRequest, "JSON")]
    [InlineData("", HttpStatusCode.BadRequest, "JSON")]
    public async Task Submit_BadInput_Answers4xxWithAPreciseMessageAndStoresNothing(string body, HttpStatusCode expected, string mentioned)
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);

        using var response = await PostAsync($"{Weekly}/2026-W48/submissions", body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains(mentioned, text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{Weekly}/2026-W48/submissions/cuipingshan", _ct)).StatusCode);
    }

    [Fact]
    public async Task Submit_TextOverTheLimit_Answers422()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);

        using var response = await PostAsync($"{Weekly}/2026-W48/submissions", $$$"""{"unitId":"tiandixincheng","fields":{"progress":"{{{new string('好', 2001)}}}","plan":"y"}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("2000", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_BodyOver256KiB_Answers413()
    {
        using var response = await PostAsync($"{Weekly}/2026-W48/submissions", $$$"""{"unitId":"tiandixincheng","fields":{"progress":"{{{new string('a', 300 * 1024)}}}"}}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Problem_InEnglishWhenAskedFor()
    {
        using var english = fixture.Client(fixture.HubKeys[HubApiFixture.Schools], "en-US");

        using var response = await english.GetAsync($"{Weekly}/2026-W99/status", _ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);

        Assert.Equal("Not found", problem.GetProperty("title").GetString());
        Assert.Contains("has no period '2026-W99'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/hubs/jiangning-kindergartens/reports/yearly/periods/2026/status", "yearly")]
    [InlineData("/api/hubs/jiangning-kindergartens/reports/weekly/periods/2026-W54/status", "2026-W54")]
    [InlineData("/api/hubs/jiangning-kindergartens/reports/weekly/periods/2026-W48/submissions/nobody", "nobody")]
    public async Task UnknownReportPeriodOrSubmitter_Answers404(string path, string mentioned)
    {
        using var response = await _client.GetAsync(path, _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    private async Task<string?> StateOfAsync(string unit) =>
        (await _client.GetFromJsonAsync<JsonElement>($"{Weekly}/2026-W48/status", _ct)).GetProperty("submitters").EnumerateArray()
            .Single(s => s.GetProperty("submitterId").GetString() == unit).GetProperty("state").GetString();

    private Task<HttpResponseMessage> PostAsync(string path, string body, params (string Name, string Value)[] headers) => SendAsync(HttpMethod.Post, path, body, headers);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _client.SendAsync(request, _ct);
    }
}

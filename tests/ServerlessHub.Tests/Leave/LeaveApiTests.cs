using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ServerlessHub.Leave;

public sealed class LeaveApiTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private const string LeavePath = $"/api/hubs/{HubApiFixture.Schools}/leave";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Client(fixture.HubKeys[HubApiFixture.Schools]);

    [Fact]
    public async Task UnitOnLeaveOverTheDueDate_IsOnLeaveNotMissing()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var created = await PostAsync("""{"unitId":"baijiahu","firstDay":"2026-11-26","lastDay":"2026-11-27","reason":"外出培训"}""");
        fixture.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

        var status = await _client.GetFromJsonAsync<JsonElement>($"/api/hubs/{HubApiFixture.Schools}/reports/weekly/periods/2026-W48/status", _ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var states = status.GetProperty("submitters").EnumerateArray().ToDictionary(s => s.GetProperty("submitterId").GetString()!, s => s.GetProperty("state").GetString());
        Assert.Equal("on-leave", states["baijiahu"]);
        Assert.Equal("missing", states["zhushan"]);
        Assert.Equal(1, status.GetProperty("counts").GetProperty("onLeave").GetInt32());
    }

    [Fact]
    public async Task Leave_ListedUntilItEndsAndCancellable()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        using var created = await PostAsync("""{"userId":"zhuying","firstDay":"2026-12-01","lastDay":"2026-12-03","reason":"病假"}""");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetString();

        var listed = await _client.GetFromJsonAsync<JsonElement>(LeavePath, _ct);
        using var deleted = await _client.DeleteAsync($"{LeavePath}/{id}", _ct);
        using var again = await _client.DeleteAsync($"{LeavePath}/{id}", _ct);

        Assert.Contains(listed.GetProperty("leave").EnumerateArray(), l => l.GetProperty("id").GetString() == id && l.GetProperty("subject").GetString() == "person");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Leave_SameIdempotencyKeyWithAnotherBody_Answers422AndRecordsOnlyTheFirst()
    {
        var first = """{"unitId":"zhushan","firstDay":"2026-12-01","lastDay":"2026-12-02","reason":"培训"}""";
        var other = """{"unitId":"zhushan","firstDay":"2026-12-03","lastDay":"2026-12-04","reason":"培训"}""";

        using var created = await PostAsync(first, "zhushan-leave");
        using var retried = await PostAsync(first, "zhushan-leave");
        using var reused = await PostAsync(other, "zhushan-leave");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(await created.Content.ReadAsStringAsync(_ct), await retried.Content.ReadAsStringAsync(_ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        var listed = await _client.GetFromJsonAsync<JsonElement>($"{LeavePath}?from=2026-11-30", _ct);
        Assert.Single(listed.GetProperty("leave").EnumerateArray(), l => l.GetProperty("subjectId").GetString() == "zhushan");

        async Task<HttpResponseMessage> PostAsync(string body, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, LeavePath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return await _client.SendAsync(request, _ct);
        }
    }

    [Theory]
    [InlineData("""{"firstDay":"2026-12-01","lastDay":"2026-12-03"}""", "unitId")]
    [InlineData("""{"unitId":"moling","userId":"lijing","firstDay":"2026-12-01","lastDay":"2026-12-03"}""", "unitId")]
    [InlineData("""{"unitId":"atlantis","firstDay":"2026-12-01","lastDay":"2026-12-03"}""", "atlantis")]
    [InlineData("""{"unitId":"moling","firstDay":"2026-12-03","lastDay":"2026-12-01"}""", "lastDay")]
    [InlineData("""{"unitId":"moling","firstDay":"2026-12-01"}""", "lastDay")]
    [InlineData("""{"unitId":"moling","firstDay":"12/01/2026","lastDay":"2026-12-03"}""", "firstDay")]
    public async Task BadLeave_Answers400(string body, string mentioned)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string body) =>
        await _client.PostAsync(LeavePath, new StringContent(body, Encoding.UTF8, "application/json"), _ct);
}

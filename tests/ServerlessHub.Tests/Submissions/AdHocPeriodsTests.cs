using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ServerlessHub.Submissions;

/// <summary>The county hub's 线索通报 is ad hoc: a coordinator opens a window, units report into it, due 3 working days after it opens.</summary>
public sealed class AdHocPeriodsTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private const string Clue = $"/api/hubs/{HubApiFixture.County}/reports/clue/periods";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Client(fixture.HubKeys[HubApiFixture.County]);

    [Fact]
    public async Task OpenWindow_ThenSubmitIntoItAndSeeItsStatus()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);

        using var opened = await PostAsync(Clue, """{"id":"2026-11-medicare-fraud","firstDay":"2026-11-23","lastDay":"2026-11-30","openedBy":"县医保局办公室"}""");
        var period = await opened.Content.ReadFromJsonAsync<JsonElement>(_ct);
        using var submitted = await PostAsync($"{Clue}/2026-11-medicare-fraud/submissions", """{"unitId":"gaj","fields":{"summary":"某药店涉嫌串换药品","found-on":"2026-11-22","severity":"较重"}}""");
        var status = await _client.GetFromJsonAsync<JsonElement>($"{Clue}/current/status", _ct);
        var list = await _client.GetFromJsonAsync<JsonElement>(Clue, _ct);

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        // Opens Monday 2026-11-23; 3 working days later is Thursday 2026-11-26, 17:00 Shanghai.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), period.GetProperty("due").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal("2026-11-medicare-fraud", status.GetProperty("period").GetProperty("key").GetString());
        Assert.Equal(3, status.GetProperty("counts").GetProperty("expected").GetInt32());
        Assert.Equal(1, status.GetProperty("counts").GetProperty("onTime").GetInt32());
        Assert.Contains(list.GetProperty("periods").EnumerateArray(), p => p.GetProperty("key").GetString() == "2026-11-medicare-fraud");
    }

    [Theory]
    [InlineData(Clue, """{"id":"dup","firstDay":"2026-12-01","lastDay":"2026-12-03"}""", HttpStatusCode.Conflict)]
    [InlineData(Clue, """{"id":"a/b","firstDay":"2026-12-01","lastDay":"2026-12-03"}""", HttpStatusCode.BadRequest)]
    [InlineData(Clue, """{"id":"current","firstDay":"2026-12-01","lastDay":"2026-12-03"}""", HttpStatusCode.BadRequest)]
    [InlineData(Clue, """{"id":"late","firstDay":"2026-12-03","lastDay":"2026-12-01"}""", HttpStatusCode.BadRequest)]
    [InlineData($"/api/hubs/{HubApiFixture.County}/reports/weekly/periods", """{"id":"x","firstDay":"2026-12-01","lastDay":"2026-12-03"}""", HttpStatusCode.BadRequest)]
    public async Task OpenWindow_BadRequest_IsRefused(string path, string body, HttpStatusCode expected)
    {
        using var first = await PostAsync(Clue, """{"id":"dup","firstDay":"2026-12-01","lastDay":"2026-12-03"}""");

        using var response = await PostAsync(path, body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownWindow_Answers404()
    {
        using var response = await _client.GetAsync($"{Clue}/never-opened/status", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body) =>
        await _client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), _ct);
}

using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessHub.Submissions;

public sealed class PeriodStatusApiTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    // 学期小结 of the demo hub opens 14 days before the term's last day (2027-01-22), at 08:00 Shanghai.
    private const string Summary = $"/api/hubs/{HubApiFixture.Schools}/reports/semester-summary/periods";
    private static readonly DateTimeOffset Opens = new(2027, 1, 8, 0, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Client(fixture.HubKeys[HubApiFixture.Schools]);

    [Fact]
    public async Task Status_PeriodNotOpenYet_SubmittersAreNotOpenWithTheOpeningTimeAndRatesUntouched()
    {
        fixture.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

        var status = await _client.GetFromJsonAsync<JsonElement>($"{Summary}/current/status", _ct);

        Assert.Equal("2026-2027-1", status.GetProperty("period").GetProperty("key").GetString());
        Assert.False(status.GetProperty("open").GetBoolean());
        Assert.Equal(Opens, status.GetProperty("period").GetProperty("opens").GetDateTimeOffset());
        var counts = status.GetProperty("counts");
        Assert.Equal((14, 14, 0, 0, 0), (counts.GetProperty("expected").GetInt32(), counts.GetProperty("notOpen").GetInt32(),
            counts.GetProperty("pending").GetInt32(), counts.GetProperty("missing").GetInt32(), counts.GetProperty("submitted").GetInt32()));
        Assert.All(status.GetProperty("submitters").EnumerateArray(), s => Assert.Equal("not-open", s.GetProperty("state").GetString()));
        Assert.Equal(1, status.GetProperty("submissionRate").GetDouble());
        Assert.Equal(1, status.GetProperty("onTimeRate").GetDouble());
    }

    [Fact]
    public async Task Status_AtTheOpening_SubmittersBecomePending()
    {
        fixture.Time.SetUtcNow(Opens.AddSeconds(-1));
        var before = await _client.GetFromJsonAsync<JsonElement>($"{Summary}/2026-2027-1/status", _ct);
        fixture.Time.SetUtcNow(Opens);

        var after = await _client.GetFromJsonAsync<JsonElement>($"{Summary}/2026-2027-1/status", _ct);

        Assert.Equal(14, before.GetProperty("counts").GetProperty("notOpen").GetInt32());
        Assert.True(after.GetProperty("open").GetBoolean());
        Assert.Equal((0, 14), (after.GetProperty("counts").GetProperty("notOpen").GetInt32(), after.GetProperty("counts").GetProperty("pending").GetInt32()));
        Assert.All(after.GetProperty("submitters").EnumerateArray(), s => Assert.Equal("pending", s.GetProperty("state").GetString()));
        Assert.Equal(0, after.GetProperty("onTimeRate").GetDouble());
    }

    [Fact]
    public async Task Status_OpenWeeklyPeriod_SaysOpenAndCountsNoneNotOpen()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);

        var status = await _client.GetFromJsonAsync<JsonElement>($"/api/hubs/{HubApiFixture.Schools}/reports/weekly/periods/current/status", _ct);

        Assert.True(status.GetProperty("open").GetBoolean());
        Assert.Equal(0, status.GetProperty("counts").GetProperty("notOpen").GetInt32());
        Assert.DoesNotContain(status.GetProperty("submitters").EnumerateArray(), s => s.GetProperty("state").GetString() == "not-open");
    }
}

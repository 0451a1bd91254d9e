using System.Net;
using System.Text;

namespace ServerlessHub.Hubs;

public sealed class AccessTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private const string SchoolStatus = $"/api/hubs/{HubApiFixture.Schools}/reports/weekly/periods/current/status";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task HubKey_OpensItsOwnHub()
    {
        using var client = fixture.Client(fixture.HubKeys[HubApiFixture.Schools]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SchoolStatus, _ct)).StatusCode);
    }

    [Fact]
    public async Task HubKey_InCodeQueryParameter_IsAccepted()
    {
        using var client = fixture.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{SchoolStatus}?code={Uri.EscapeDataString(fixture.HubKeys[HubApiFixture.Schools])}", _ct)).StatusCode);
    }

    [Fact]
    public async Task OtherHubsKey_Answers404LikeAnUnknownHub()
    {
        using var client = fixture.Client(fixture.HubKeys[HubApiFixture.County]);

        using var read = await client.GetAsync(SchoolStatus, _ct);
        using var write = await client.PostAsync($"/api/hubs/{HubApiFixture.Schools}/reports/weekly/periods/current/submissions",
            new StringContent("""{"unitId":"moling","fields":{"progress":"x","plan":"y"}}""", Encoding.UTF8, "application/json"), _ct);
        using var unknownHub = await client.GetAsync("/api/hubs/no-such-hub/reports/weekly/periods/current/status", _ct);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownHub.StatusCode);
        Assert.Equal(
            (await unknownHub.Content.ReadAsStringAsync(_ct)).Replace("no-such-hub", "X", StringComparison.Ordinal)[..60],
            (await read.Content.ReadAsStringAsync(_ct)).Replace(HubApiFixture.Schools, "X", StringComparison.Ordinal)[..60]);
    }

    [Fact]
    public async Task NoKey_Answers401WithHowToSendOne()
    {
        using var client = fixture.Client(null);

        using var response = await client.GetAsync(SchoolStatus, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("x-functions-key", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedKey_Answers404()
    {
        using var client = fixture.Client("shk_jiangning-kindergartens_forged");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SchoolStatus, _ct)).StatusCode);
    }

    [Fact]
    public async Task AdminApis_RefuseHubKeys()
    {
        using var client = fixture.Client(fixture.HubKeys[HubApiFixture.Schools]);

        using var read = await client.GetAsync($"/api/manage/hubs/{HubApiFixture.Schools}", _ct);
        using var key = await client.PostAsync($"/api/manage/hubs/{HubApiFixture.Schools}/keys", new StringContent("""{"name":"x"}""", Encoding.UTF8, "application/json"), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, key.StatusCode);
    }

    [Fact]
    public async Task AdminKey_OpensEveryHub()
    {
        using var client = fixture.Client(fixture.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SchoolStatus, _ct)).StatusCode);
    }
}

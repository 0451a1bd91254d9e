using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServerlessHub.LocalHost;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Access;

/// <summary>Keys over the admin API and the command line: create, list, use, revoke, expire; against Azurite and real HTTP.</summary>
public sealed class ApiKeysTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private const string County = HubApiFixture.County;
    private const string CountyStatus = $"/api/hubs/{County}/reports/weekly/periods/current/status";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _admin = fixture.Client(fixture.AdminKey);

    [Fact]
    public async Task HubKey_CreateListUseRevoke_IsRefusedWith401AndListedAsRevoked()
    {
        var (key, keyId) = await CreateHubKeyAsync("县财政局对接", "{}");
        var listed = await FindAsync($"/api/manage/hubs/{County}/keys", keyId);
        using var client = fixture.Client(key);
        using var before = await client.GetAsync(CountyStatus, _ct);

        using var revoke = await _admin.DeleteAsync($"/api/manage/hubs/{County}/keys/{keyId}", _ct);
        using var after = await client.GetAsync(CountyStatus, _ct);

        Assert.Equal("active", listed.GetProperty("status").GetString());
        Assert.Equal("县财政局对接", listed.GetProperty("name").GetString());
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Contains("已于", (await after.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var revoked = await FindAsync($"/api/manage/hubs/{County}/keys", keyId);
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal(fixture.Time.GetUtcNow(), revoked.GetProperty("revokedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task KeyLists_NeverShowAKeyOrItsHash()
    {
        var (key, _) = await CreateHubKeyAsync("秘密检查", "{}");
        // The random part is base64url, which may itself hold '_': cut at the known head, not at the last '_'.
        var secret = key[$"shk_{County}_".Length..];
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));

        var hubKeys = await _admin.GetStringAsync($"/api/manage/hubs/{County}/keys", _ct);
        var adminKeys = await _admin.GetStringAsync("/api/manage/admin-keys", _ct);

        Assert.DoesNotContain(secret, hubKeys, StringComparison.Ordinal);
        Assert.DoesNotContain(hash[..12], hubKeys, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.AdminKey["shk_admin_".Length..], adminKeys, StringComparison.Ordinal);
        Assert.DoesNotContain("\"key\"", hubKeys + adminKeys, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubKey_RevokedThroughAnotherInstance_StopsWorkingWithinTheCacheDuration()
    {
        var (key, keyId) = await CreateHubKeyAsync("另一实例吊销", "{}");
        using var client = fixture.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CountyStatus, _ct)).StatusCode);

        // Another instance (or the command line) revokes it in storage; this instance still remembers it as valid.
        await new ApiKeyStore(new StorageAccount(fixture.ConnectionString)).RevokeAsync(ApiKeyScope.Hub, County, keyId, fixture.Time.GetUtcNow(), _ct);
        var stillRemembered = (await client.GetAsync(CountyStatus, _ct)).StatusCode;
        fixture.Time.SetUtcNow(fixture.Time.GetUtcNow() + new ApiKeyOptions().CacheDuration);
        var afterCacheDuration = (await client.GetAsync(CountyStatus, _ct)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, stillRemembered);
        Assert.Equal(HttpStatusCode.Unauthorized, afterCacheDuration);
    }

    [Fact]
    public async Task HubKey_PastItsExpiry_IsRefusedEvenWhileRemembered()
    {
        var (key, keyId) = await CreateHubKeyAsync("一天有效", """{"expiresInDays":1}""");
        using var client = fixture.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CountyStatus, _ct)).StatusCode);

        fixture.Time.SetUtcNow(fixture.Time.GetUtcNow().AddDays(1));
        using var expired = await client.GetAsync(CountyStatus, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("过期", await expired.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal("expired", (await FindAsync($"/api/manage/hubs/{County}/keys", keyId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CreateKey_ExpiresAtDate_ExpiresAtTheEndOfThatDayInTheHubsTimeZone()
    {
        using var response = await _admin.PostAsync($"/api/manage/hubs/{County}/keys", Json("""{"name":"到年底","expiresAt":"2027-12-31"}"""), _ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("""{"name":"x","expiresAt":"2020-01-01"}""", "expiresAt")]
    [InlineData("""{"name":"x","expiresAt":"2027-06-30T18:00:00"}""", "expiresAt")]
    [InlineData("""{"name":"x","expiresInDays":0}""", "expiresInDays")]
    [InlineData("""{"name":"x","expiresAt":"2027-06-30","expiresInDays":5}""", "expiresInDays")]
    public async Task CreateKey_UnusableExpiry_Answers400NamingTheField(string body, string named)
    {
        using var response = await _admin.PostAsync($"/api/manage/hubs/{County}/keys", Json(body), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubKey_OnAnotherHub_Answers404()
    {
        var (key, _) = await CreateHubKeyAsync("只开县医保", "{}");
        using var client = fixture.Client(key);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/hubs/{HubApiFixture.Schools}/reports/weekly/periods/current/status", _ct)).StatusCode);
    }

    [Fact]
    public async Task LastUsed_IsWrittenAtMostOncePerInterval()
    {
        var (key, keyId) = await CreateHubKeyAsync("最近使用", "{}");
        using var client = fixture.Client(key);
        var firstUse = fixture.Time.GetUtcNow();
        await client.GetAsync(CountyStatus, _ct);
        var interval = new ApiKeyOptions().LastUsedInterval;

        fixture.Time.SetUtcNow(firstUse + interval - TimeSpan.FromSeconds(1));
        await client.GetAsync(CountyStatus, _ct);
        var withinInterval = (await FindAsync($"/api/manage/hubs/{County}/keys", keyId)).GetProperty("lastUsedAt").GetDateTimeOffset();
        fixture.Time.SetUtcNow(firstUse + interval);
        await client.GetAsync(CountyStatus, _ct);
        var afterInterval = (await FindAsync($"/api/manage/hubs/{County}/keys", keyId)).GetProperty("lastUsedAt").GetDateTimeOffset();

        Assert.Equal(firstUse, withinInterval);
        Assert.Equal(firstUse + interval, afterInterval);
    }

    [Fact]
    public async Task AdminKey_CreateListRevoke_IsRefusedWith401()
    {
        using var created = await _admin.PostAsync("/api/manage/admin-keys", Json("""{"name":"运维值班","expiresInDays":30}"""), _ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var (key, keyId) = (body.GetProperty("key").GetString()!, body.GetProperty("keyId").GetString()!);
        using var client = fixture.Client(key);
        var listed = await FindAsync("/api/manage/admin-keys", keyId);
        using var before = await client.GetAsync("/api/manage/admin-keys", _ct);

        using var revoke = await _admin.DeleteAsync($"/api/manage/admin-keys/{keyId}", _ct);
        using var after = await client.GetAsync($"/api/manage/hubs/{County}", _ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(fixture.Time.GetUtcNow().AddDays(30), listed.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal("revoked", (await FindAsync("/api/manage/admin-keys", keyId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AdminKeyApis_RefuseHubKeysAndUnknownKeyIds()
    {
        using var hubClient = fixture.Client(fixture.HubKeys[County]);

        using var list = await hubClient.GetAsync("/api/manage/admin-keys", _ct);
        using var revokeHubsKey = await hubClient.DeleteAsync($"/api/manage/hubs/{County}/keys/{ApiKeyStore.IdOf(fixture.HubKeys[County])}", _ct);
        using var unknown = await _admin.DeleteAsync("/api/manage/admin-keys/000000000000", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revokeHubsKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task CommandLine_HubKeyCreateListRevoke()
    {
        var (exit, output, _) = await RunAsync("hub", "key", "create", County, "--name", "命令行密钥", "--expires", "90d");
        var key = output.Trim();
        var keyId = ApiKeyStore.IdOf(key);

        var (listExit, list, _) = await RunAsync("hub", "key", "list", County);
        var (revokeExit, revoked, _) = await RunAsync("hub", "key", "revoke", County, keyId);
        var (unknownExit, _, unknownError) = await RunAsync("hub", "key", "revoke", County, "000000000000");
        using var client = fixture.Client(key);

        Assert.Equal(0, exit);
        Assert.Equal(0, listExit);
        var line = Assert.Single(list.Split('\n'), l => l.StartsWith(keyId, StringComparison.Ordinal));
        Assert.Contains("有效", line, StringComparison.Ordinal);
        Assert.Contains("命令行密钥", line, StringComparison.Ordinal);
        Assert.Equal(0, revokeExit);
        Assert.Contains("已吊销", revoked, StringComparison.Ordinal);
        Assert.Equal(1, unknownExit);
        Assert.Contains("000000000000", unknownError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(CountyStatus, _ct)).StatusCode);
        Assert.Equal("revoked", (await FindAsync($"/api/manage/hubs/{County}/keys", keyId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CommandLine_AdminKeyCreateListRevoke()
    {
        var (exit, output, _) = await RunAsync("admin-key", "create", "--name=命令行管理员", "--expires", "2099-06-30");
        var keyId = ApiKeyStore.IdOf(output.Trim());

        var (listExit, list, _) = await RunAsync("admin-key", "list", "--lang=en");
        var (revokeExit, _, _) = await RunAsync("admin-key", "revoke", keyId);

        Assert.Equal(0, exit);
        Assert.Equal(0, listExit);
        Assert.Contains("2099-06-30 16:00", Assert.Single(list.Split('\n'), l => l.StartsWith(keyId, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(0, revokeExit);
        Assert.Equal("revoked", (await FindAsync("/api/manage/admin-keys", keyId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CommandLine_UnusableExpiry_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("admin-key", "create", "--name=x", "--expires", "soon");

        Assert.Equal(2, exit);
        Assert.Contains("--expires", error, StringComparison.Ordinal);
    }

    private async Task<(string Key, string KeyId)> CreateHubKeyAsync(string name, string extra)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = name });
        body = extra == "{}" ? body : body[..^1] + "," + extra[1..];
        using var response = await _admin.PostAsync($"/api/manage/hubs/{County}/keys", Json(body), _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        return (created.GetProperty("key").GetString()!, created.GetProperty("keyId").GetString()!);
    }

    private async Task<JsonElement> FindAsync(string listRoute, string keyId)
    {
        var list = await _admin.GetFromJsonAsync<JsonElement>(listRoute, _ct);
        return Assert.Single(list.GetProperty("keys").EnumerateArray(), k => k.GetProperty("keyId").GetString() == keyId);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Commands.RunAsync(args, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = fixture.ConnectionString }, output, error, _ct);
        return (exit, output.ToString(), error.ToString());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

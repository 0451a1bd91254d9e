using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace ServerlessHub.Corpus;

/// <summary>
/// Every public endpoint against the bad-input corpus: each case is refused with a 4xx (problem+json from the app),
/// nothing is stored, and the app still answers afterwards. Then the rule behind it: what a write accepts, every read
/// can show.
/// </summary>
public sealed class BadInputCorpusTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private IReadOnlyList<CorpusCase> Cases => CorpusCases.Build(new CorpusKeys(
        fixture.HubKeys[CorpusFixture.Schools], fixture.HubKeys[CorpusFixture.County], fixture.HubKeys[Inbound.InboundHarness.HubId],
        fixture.AdminKey, fixture.RevokedSchoolsKey, fixture.RevokedAdminKey));

    [Fact]
    public async Task Corpus_EveryCaseRefusedWithoutAStorageChange_AndTheAppStillAnswers()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        var cases = Cases;
        TestContext.Current.TestOutputHelper?.WriteLine($"Bad-input corpus: {cases.Count} cases — "
            + string.Join(", ", cases.GroupBy(c => c.Family).Select(g => $"{g.Key} {g.Count()}")));
        var before = await StorageSnapshot.TakeAsync(fixture.ConnectionString, _ct);

        var failures = new List<string>();
        foreach (var @case in cases)
        {
            RawResponse response;
            try
            {
                response = await RawHttp.SendAsync(fixture.Hub.BaseAddress, @case.Method, @case.Target, @case.Headers, @case.Body, @case.ContentType, _ct);
            }
            catch (IOException ex)
            {
                failures.Add($"{@case}: no answer ({ex.Message})");
                continue;
            }

            if (Verdict(@case, response) is { } failure)
            {
                failures.Add($"{@case}: {failure}");
            }
        }

        var changes = StorageSnapshot.Diff(before, await StorageSnapshot.TakeAsync(fixture.ConnectionString, _ct));
        using var health = await fixture.Hub.Http.GetAsync("/api/health", _ct);

        Assert.True(cases.Count >= 300, $"only {cases.Count} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n{string.Join('\n', failures)}");
        Assert.True(changes.Count == 0, $"storage changed:\n{string.Join('\n', changes)}");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Free text that reaches a group chat, a spreadsheet or a terminal: mentions, links, markup, formulas, controls.</summary>
    private static readonly string[] HostileTexts =
    [
        "<@all> 请大家注意", "[点此领奖](http://evil.example/x)", "<font color=\"warning\">红字</font> **粗** `代码`",
        "=cmd|' /C calc'!A0", "a\u0000b\u0001c\u0007d\u001be", "\u202Eevil\u202C 😀 مدرسة", "@all 第二行\n# 标题\n> 引用",
    ];

    [Fact]
    public async Task WriteThenRead_EveryAcceptedValueReadsBackOnEveryReadPath()
    {
        fixture.Time.SetUtcNow(HubApiFixture.MondayMorning);
        const string Hub = CorpusFixture.County;
        const string Weekly = $"/api/hubs/{Hub}/reports/weekly/periods/2026-W48";
        using var client = fixture.Client(fixture.HubKeys[Hub]);
        var units = new[] { "ybj", "wjj", "scjgj", "czj", "fgj", "gaj" };
        var sessions = new[] { "18446744073709551616", "12.50", "0", "-0", "0.000001", "3" };
        for (var i = 0; i < units.Length; i++)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["unitId"] = units[i],
                ["fields"] = new Dictionary<string, object> { ["progress"] = HostileTexts[i], ["problems"] = HostileTexts[^1], ["plan"] = HostileTexts[(i + 1) % HostileTexts.Length], ["sessions"] = JsonDocument.Parse(sessions[i]).RootElement },
                ["submittedBy"] = HostileTexts[0],
            });
            await AcceptedAsync(client, HttpMethod.Post, $"{Weekly}/submissions", body);
        }

        await AcceptedAsync(client, HttpMethod.Post, $"/api/hubs/{Hub}/leave", JsonSerializer.Serialize(new { unitId = "gaj", firstDay = "2026-11-30", lastDay = "2026-12-01", reason = HostileTexts[0][..10], createdBy = "<@all>" }));
        var windows = new List<string>();
        foreach (var id in new[] { "秣陵-专项检查", "مدرسة", "😀检查", "' OR '1'='1", "<b>x<b>", "a%00b" })
        {
            using var opened = await AcceptedAsync(client, HttpMethod.Post, $"/api/hubs/{Hub}/reports/clue/periods", JsonSerializer.Serialize(new { id, firstDay = "2026-11-23", lastDay = "2026-11-27" }));
            windows.Add(opened.Headers.Location!.OriginalString);
        }

        List<string> reads =
        [
            $"{Weekly}/submissions", $"{Weekly}/status", $"{Weekly}/digest", $"{Weekly}/reminders", $"/api/hubs/{Hub}/leave",
            $"/api/hubs/{Hub}/reports/weekly/export?period=2026-W48&format=csv", $"/api/hubs/{Hub}/reports/weekly/export?period=2026-W48&format=xlsx",
            $"/api/hubs/{Hub}/export?from=2026-11-23&to=2026-11-29&format=xlsx", $"/api/hubs/{Hub}/reports/clue/periods",
            .. units.Select(u => $"{Weekly}/submissions/{u}"), .. windows,
        ];
        var failures = new List<string>();
        foreach (var read in reads)
        {
            using var response = await client.GetAsync(read, _ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(_ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {read}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
            }
            else if (read.Contains("format=xlsx", StringComparison.Ordinal) && ReadWorkbook(bytes) is { } broken)
            {
                failures.Add($"GET {read}: the workbook does not open: {broken}");
            }
            else if (read.EndsWith("/digest", StringComparison.Ordinal) && JsonDocument.Parse(bytes).RootElement.GetProperty("markdown").GetString()!.Contains("<@all>", StringComparison.Ordinal))
            {
                failures.Add($"GET {read}: report text mentions everyone in the group: {Encoding.UTF8.GetString(bytes)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<HttpResponseMessage> AcceptedAsync(HttpClient client, HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var response = await client.SendAsync(request, _ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(_ct)}");
        return response;
    }

    private static string? ReadWorkbook(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            return stream.Query(useHeaderRow: false).Any() ? null : "no rows";
        }
        catch (System.Xml.XmlException ex)
        {
            return ex.Message;
        }
    }

    private static string? Verdict(CorpusCase @case, RawResponse response)
    {
        if (@case.Expect == Expect.ReadOrProblem && response.Status == 200)
        {
            return null;
        }

        if (response.Status is < 400 or > 499)
        {
            return $"answered {response.Status} {Excerpt(response)}";
        }

        if (@case.Expect == Expect.Refused)
        {
            return null;
        }

        if (response.MediaType != "application/problem+json")
        {
            return $"answered {response.Status} as {response.MediaType ?? "no content type"}, not problem+json";
        }

        try
        {
            var problem = JsonDocument.Parse(response.Body).RootElement;
            return (problem.TryGetProperty("title", out var title) ? title.GetString() : null) is { Length: > 0 }
                || (problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null) is { Length: > 0 }
                ? null
                : $"answered {response.Status} problem+json without a title or detail";
        }
        catch (JsonException)
        {
            return $"answered {response.Status} with a body that is not JSON";
        }
    }

    private static string Excerpt(RawResponse response) => response.Text.Length > 200 ? response.Text[..200] : response.Text;
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace ServerlessHub.Exports;

public sealed class ExportApiTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private const string Hub = $"/api/hubs/{HubApiFixture.Schools}";
    private const string Weekly = $"{Hub}/reports/weekly";
    private static readonly string[] WeeklyHeaders = ["周期", "单位", "联络员", "报送时间", "是否迟报", "渠道", "修改次数", "本周进展", "存在问题", "下周计划", "活动场次"];
    private static readonly string[] WeeklyFieldIds = ["progress", "problems", "plan", "sessions"];
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Client(fixture.HubKeys[HubApiFixture.Schools]);

    [Fact]
    public async Task Csv_Week_StartsWithBomAndHasOneRowPerStoredSubmissionLeavingOutTheWithdrawn()
    {
        // 2026-W45 runs Monday 2 to Sunday 8 November, due Friday 6 November 17:00.
        await SubmitAsync("weekly", "2026-W45", At(2026, 11, 4, 10), """{"unitId":"moling","fields":{"progress":"观察记录 12 份，教研 2 次","plan":"案例分享","sessions":3},"submittedBy":"wangxiaomei"}""");
        await SubmitAsync("weekly", "2026-W45", At(2026, 11, 4, 11), """{"unitId":"chunhua","fields":{"progress":"误报","plan":"计划"}}""");
        using (var withdrawn = await _client.DeleteAsync($"{Weekly}/periods/2026-W45/submissions/chunhua", _ct))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        await SubmitAsync("weekly", "2026-W45", At(2026, 11, 7, 9, 30), """{"unitId":"guli","fields":{"progress":"补报：\"游戏\"观察\n第二行","problems":"场地不足","plan":"计划"},"submittedBy":"lijing"}""");

        using var response = await _client.GetAsync($"{Weekly}/export?format=csv&period=2026-W45", _ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes.AsSpan(3)));
        Assert.Equal(WeeklyHeaders, rows[0]);
        Assert.Equal(await ExpectedRowsAsync("weekly", "2026-W45"), rows[1..]);
        Assert.Equal(2, rows.Count - 1);
        var guli = rows.Single(r => r[1] == "谷里中心幼儿园");
        Assert.Equal(["2026-W45", "谷里中心幼儿园", "李静", "2026-11-07 09:30", "是", "HTTP", "0", "补报：\"游戏\"观察\n第二行", "场地不足", "计划", ""], guli);
    }

    [Fact]
    public async Task Xlsx_Week_ParsesBackWithMiniExcelToTheStoredSubmissions()
    {
        // 2026-W44: Monday 26 October to Sunday 1 November.
        await SubmitAsync("weekly", "2026-W44", At(2026, 10, 27, 10), """{"unitId":"qingshuiting","fields":{"progress":"初稿","plan":"计划","sessions":4},"submittedBy":"chenxue"}""");
        await SubmitAsync("weekly", "2026-W44", At(2026, 10, 28, 16, 5), """{"unitId":"shangfeng","fields":{"progress":"=1+1","problems":"无","plan":"下周"}}""");
        using (var revised = await _client.PutAsync($"{Weekly}/periods/2026-W44/submissions/qingshuiting", JsonContent("""{"fields":{"progress":"定稿"}}"""), _ct))
        {
            Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        }

        using var response = await _client.GetAsync($"{Weekly}/export?format=xlsx&period=2026-W44", _ct);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync(_ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var sheet = workbook.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(Cell).ToArray()).ToList();
        Assert.Equal(WeeklyHeaders, sheet[0]);
        Assert.Equal(await ExpectedRowsAsync("weekly", "2026-W44"), sheet[1..]);
        var revisedRow = sheet.Single(r => r[1] == "清水亭幼儿园");
        Assert.Equal(["2026-W44", "清水亭幼儿园", "陈雪", "2026-10-27 10:00", "否", "HTTP", "1", "定稿", "", "计划", "4"], revisedRow);
        Assert.Equal("=1+1", sheet.Single(r => r[1] == "上峰幼儿园")[7]);
    }

    [Fact]
    public async Task Csv_AllKindsOverAWeek_HasAKindColumnAndFieldsLabelledByKind()
    {
        // 2026-W43 (19–25 October) and October, whose monthly report is open all month.
        await SubmitAsync("weekly", "2026-W43", At(2026, 10, 21, 10), """{"unitId":"moling","fields":{"progress":"周进展","plan":"周计划","problems":"周问题"},"submittedBy":"wangxiaomei"}""");
        await SubmitAsync("monthly", "2026-10", At(2026, 10, 21, 11), """{"unitId":"guli","fields":{"progress":"月工作","plan":"月计划","problems":"月问题","participants":120},"submittedBy":"lijing"}""");

        using var response = await _client.GetAsync($"{Hub}/export?from=2026-10-19&to=2026-10-25", _ct);
        var rows = ParseCsv((await response.Content.ReadAsStringAsync(_ct)).TrimStart('\uFEFF'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = rows[0];
        Assert.Equal(["报送类型", "周期", "单位", "联络员", "报送时间", "是否迟报", "渠道", "修改次数"], headers[..8]);
        Assert.Contains("周报·存在问题", headers);
        Assert.Contains("月通报·存在问题", headers);
        Assert.Contains("学期计划·学期目标", headers);
        Assert.Equal(2, rows.Count - 1);
        var weekly = rows.Single(r => r[0] == "周报");
        var monthly = rows.Single(r => r[0] == "月通报");
        Assert.Equal(("2026-W43", "周问题", ""), (weekly[1], weekly[Array.IndexOf(headers, "周报·存在问题")], weekly[Array.IndexOf(headers, "月通报·存在问题")]));
        Assert.Equal(("2026-10", "月问题", "120", "谷里中心幼儿园"), (monthly[1], monthly[Array.IndexOf(headers, "月通报·存在问题")], monthly[Array.IndexOf(headers, "月通报·参与人次")], monthly[2]));
    }

    [Fact]
    public async Task Csv_DateRangeAcrossTwoWeeks_ExportsBothPeriods()
    {
        // 10–12 October touches 2026-W41 (5–11 October) and 2026-W42 (12–18 October).
        await SubmitAsync("weekly", "2026-W41", At(2026, 10, 9, 10), """{"unitId":"longdu","fields":{"progress":"第41周","plan":"计划"}}""");
        await SubmitAsync("weekly", "2026-W42", At(2026, 10, 13, 10), """{"unitId":"jiguan","fields":{"progress":"第42周","plan":"计划"}}""");
        await SubmitAsync("weekly", "2026-W40", At(2026, 9, 29, 10), """{"unitId":"baijiahu","fields":{"progress":"第40周","plan":"计划"}}""");

        using var response = await _client.GetAsync($"{Weekly}/export?format=csv&from=2026-10-10&to=2026-10-12", _ct);
        var rows = ParseCsv((await response.Content.ReadAsStringAsync(_ct)).TrimStart('\uFEFF'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([.. await ExpectedRowsAsync("weekly", "2026-W41"), .. await ExpectedRowsAsync("weekly", "2026-W42")], rows[1..]);
        Assert.Equal(["2026-W41", "2026-W42"], rows[1..].Select(r => r[0]));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("周报_2026-10-10至2026-10-12.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Csv_CellsStartingWithFormulaCharacters_AreNeutralisedWithAnApostrophe()
    {
        // 2026-W39: 21–27 September.
        await SubmitAsync("weekly", "2026-W39", At(2026, 9, 22, 10),
            """{"unitId":"zhushan","fields":{"progress":"=HYPERLINK(\"http://example.invalid\",\"点我\")","problems":"+1 场地","plan":"@SUM(A1)","sessions":-3},"submittedBy":"-zhuying"}""");

        using var response = await _client.GetAsync($"{Weekly}/export?period=2026-W39", _ct);
        var text = await response.Content.ReadAsStringAsync(_ct);
        var row = ParseCsv(text.TrimStart('\uFEFF'))[1];

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点我\"\")\"", text, StringComparison.Ordinal);
        Assert.Equal(["'-zhuying", "'=HYPERLINK(\"http://example.invalid\",\"点我\")", "'+1 场地", "'@SUM(A1)", "-3"], [row[2], row[7], row[8], row[9], row[10]]);
    }

    [Fact]
    public async Task Export_EmptyPeriod_HasHeadersAndAChineseFileName()
    {
        using var response = await _client.GetAsync($"{Weekly}/export?period=2026-W30", _ct);
        var disposition = response.Content.Headers.ContentDisposition;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([WeeklyHeaders], ParseCsv((await response.Content.ReadAsStringAsync(_ct)).TrimStart('\uFEFF')));
        Assert.Equal("周报_2026-W30.csv", disposition?.FileNameStar);
        Assert.Equal("jiangning-kindergartens-weekly-2026-W30.csv", disposition?.FileName?.Trim('"'));
        Assert.Contains("filename*=UTF-8''%E5%91%A8%E6%8A%A5_2026-W30.csv", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_EmptyHubExport_IsAWorkbookWithHeadersOnly()
    {
        using var response = await _client.GetAsync($"{Hub}/export?format=XLSX&period=2026-W30", _ct);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync(_ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = workbook.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("报送类型", Cell(Assert.Single(sheet).Values.First()));
        Assert.Equal("江宁区幼儿园课程游戏化建设项目研究共同体_2026-W30.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("format=pdf&period=2026-W45", "format 只能是 csv 或 xlsx")]
    [InlineData("", "请提供 period")]
    [InlineData("from=2026-10-01", "请提供 period")]
    [InlineData("period=2026-W45&from=2026-10-01&to=2026-10-02", "只能选其一")]
    [InlineData("from=2026-10-01&to=2026-13-01", "to 应为日期")]
    [InlineData("from=2026-10-02&to=2026-10-01", "不能早于")]
    [InlineData("from=2025-01-01&to=2026-01-02", "最多 366 天")]
    public async Task Export_BadQuery_Answers400ProblemInChinese(string query, string expected)
    {
        using var response = await _client.GetAsync($"{Weekly}/export?{query}", _ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Theory]
    [InlineData($"{Weekly}/export?period=2026-W99", "没有周期")]
    [InlineData($"{Hub}/reports/nonesuch/export?period=2026-W45", "没有报送类型")]
    [InlineData($"{Hub}/export?period=2026-H1", "没有哪个报送类型有周期")]
    [InlineData("/api/hubs/no-such-hub/export?period=2026-W45", "没有中枢")]
    public async Task Export_UnknownKindPeriodOrHub_Answers404Problem(string url, string expected)
    {
        using var response = await _client.GetAsync(url, _ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, expected);
    }

    [Fact]
    public async Task Export_WithoutKey_Answers401()
    {
        using var anonymous = fixture.Client(null);

        using var response = await anonymous.GetAsync($"{Weekly}/export?period=2026-W45", _ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "提供密钥");
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new DateTimeOffset(year, month, day, hour, minute, 0, Shanghai).ToUniversalTime();

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task SubmitAsync(string reportId, string periodKey, DateTimeOffset at, string body)
    {
        fixture.Time.SetUtcNow(at);
        using var response = await _client.PostAsync($"{Hub}/reports/{reportId}/periods/{periodKey}/submissions", JsonContent(body), _ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(_ct));
    }

    /// <summary>The rows an export of one weekly period must hold, worked out from the submissions API.</summary>
    private async Task<List<string[]>> ExpectedRowsAsync(string reportId, string periodKey)
    {
        var names = new Dictionary<string, string>
        {
            ["moling"] = "秣陵中心幼儿园", ["guli"] = "谷里中心幼儿园", ["qingshuiting"] = "清水亭幼儿园", ["shangfeng"] = "上峰幼儿园",
            ["longdu"] = "龙都幼儿园", ["jiguan"] = "机关幼儿园", ["zhushan"] = "竹山幼儿园", ["chunhua"] = "淳化中心幼儿园",
            ["wangxiaomei"] = "王晓梅", ["lijing"] = "李静", ["chenxue"] = "陈雪",
        };
        var list = await _client.GetFromJsonAsync<JsonElement>($"{Hub}/reports/{reportId}/periods/{periodKey}/submissions", _ct);
        return list.GetProperty("submissions").EnumerateArray()
            .Where(s => !s.GetProperty("withdrawn").GetBoolean())
            .Select(s =>
            {
                var fields = s.GetProperty("fields");
                var by = s.GetProperty("submittedBy").GetString()!;
                string[] fixedCells =
                [
                    periodKey,
                    names[s.GetProperty("unitId").GetString()!],
                    names.GetValueOrDefault(by, by),
                    s.GetProperty("firstSubmittedAt").GetDateTimeOffset().ToOffset(Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    s.GetProperty("late").GetBoolean() ? "是" : "否",
                    "HTTP",
                    (s.GetProperty("revision").GetInt32() - 1).ToString(CultureInfo.InvariantCulture),
                ];
                return fixedCells.Concat(WeeklyFieldIds.Select(f => fields.TryGetProperty(f, out var v) ? v.GetString()! : "")).ToArray();
            })
            .ToList();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string expected)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>RFC 4180: comma-separated, CRLF-terminated, quoted cells may hold commas, quotes ("") and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.False(quoted, "The CSV ends inside a quoted cell.");
        Assert.Empty(row);
        Assert.Equal(0, cell.Length);
        return rows;
    }
}

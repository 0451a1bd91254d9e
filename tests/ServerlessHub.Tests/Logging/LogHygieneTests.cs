using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Access;
using ServerlessHub.Inbound;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Logging;

/// <summary>
/// Every log line at Information and above, through a whole chat loop, a hub apply over the admin API and an HTTP
/// submission: no secret, no key, no report field content and no decrypted callback text may appear in any of them —
/// not in the message, not in a structured value, not in an exception.
/// </summary>
public sealed class LogHygieneTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChatLoopHubApplyAndHttpSubmission_LogNoSecretKeyOrReportContent()
    {
        var logs = new CapturedLog();
        var hub = new InboundHarness(logs);
        await hub.InitializeAsync();
        try
        {
            var keys = hub.App.Services.GetRequiredService<ApiKeys>();
            var adminKey = await keys.CreateAsync(ApiKeyScope.Admin, null, "log-test", null, "test", _ct);
            var hubKey = await keys.CreateAsync(ApiKeyScope.Hub, InboundHarness.HubId, "log-test", null, "test", _ct);

            // The hub applied again, changed, over the admin API.
            using var admin = new HttpClient { BaseAddress = hub.App.BaseAddress };
            admin.DefaultRequestHeaders.Add("x-functions-key", adminKey);
            using var applied = await admin.PutAsync($"/api/manage/hubs/{InboundHarness.HubId}",
                new StringContent(InboundHarness.HubDocument.Replace("入站测试协作体", "入站测试协作体（二）", StringComparison.Ordinal), Encoding.UTF8, "application/yaml"), _ct);
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);

            // A whole report, an interview, 未交, 汇总 and 看, through encrypted callbacks.
            hub.NextWeek();
            await hub.SayAsync("zhangwei", "周报\n本周进展：绝密进展甲乙丙7301\n存在问题：机密问题丁戊己7302\n下周计划：保密计划庚辛7303");
            await hub.SayAsync("lina", "周报");
            await hub.NextReplyToAsync("lina", hub.RepliesTo("lina").Count);
            await hub.SayAsync("lina", "访谈回答壬癸7304");
            await hub.SayAsync("wangfang", "未交 周报");
            await hub.SayAsync("chenjing", "汇总 周报 本周");
            await hub.SayAsync("chenjing", "看 周报 甲");
            await hub.SayAsync("zhaolei", "陌生人消息7305");

            // And a submission over HTTP with the hub's key in the query string.
            using var http = new HttpClient { BaseAddress = hub.App.BaseAddress };
            using var submitted = await http.PostAsJsonAsync(
                $"/api/hubs/{InboundHarness.HubId}/reports/weekly/periods/current/submissions?code={Uri.EscapeDataString(hubKey)}",
                new { unitId = "b", fields = new Dictionary<string, string> { ["progress"] = "接口内容7306", ["plan"] = "接口计划7307" } }, _ct);
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            await hub.WaitUntilQuietAsync();

            string[] secrets =
            [
                InboundHarness.Token, InboundHarness.AesKey, InboundHarness.BotToken, InboundHarness.BotAesKey, "inbound-app-secret",
                adminKey, hubKey, adminKey[^16..], hubKey[^16..],
                "绝密进展", "机密问题", "保密计划", "访谈回答", "陌生人消息", "接口内容", "接口计划",
            ];
            var lines = logs.Lines.ToList();

            // The capture works and saw the loop: hubs applied, callbacks queued and handled, messages delivered.
            Assert.Contains(lines, l => l.Category.EndsWith("HubDefinitions", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.EventId.Id == 1310);
            Assert.True(lines.Count >= 20, $"only {lines.Count} lines captured");
            foreach (var line in lines)
            {
                foreach (var secret in secrets)
                {
                    Assert.False(line.Text.Contains(secret, StringComparison.Ordinal), $"{line.Category}[{line.EventId.Id}] logged '{secret}': {line.Text}");
                }
            }
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }
}

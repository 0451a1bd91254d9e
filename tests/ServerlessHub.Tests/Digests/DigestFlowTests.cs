using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Outbound;
using ServerlessHub.Reminders;
using ServerlessHub.Schedule;

namespace ServerlessHub.Digests;

/// <summary>
/// Scheduled digests through the tick, the outbound queue, Azurite and the WeCom simulator on a clock the test moves:
/// posted at their time, once, whatever the instances and retries; a failing template replaced by the built-in one with
/// the coordinators told; templates checked when the hub is applied; and the digest over HTTP.
/// </summary>
public sealed class DigestFlowTests
{
    private const string LastReminder = "      - { at: +3wd, to: leader, channel: leaders }";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tick_MondayNine_PostsLastWeeksDigestToTheLeadersRobot()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        await hub.ApplyAsync(WithDigest("digest-weekly"), _ct);
        var key = await hub.HubKeyAsync(_ct);
        await hub.SubmitAsync("a", key, _ct);
        hub.SetLocal(11, 28, 10);
        await hub.SubmitAsync("b", key, _ct);

        hub.SetLocal(11, 30, 8, 59);
        await hub.TickAsync(_ct);
        Assert.Empty(hub.Posted(ReminderHarness.LeadersRobot));
        hub.SetLocal(11, 30, 9, 1);
        await hub.TickAsync(_ct);

        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.LeadersRobot).Count == 1, _ct);
        await hub.WaitUntilDeliveredAsync(_ct);
        var digest = Assert.Single(hub.Posted(ReminderHarness.LeadersRobot));
        Assert.Equal("markdown", digest.MessageType);
        Assert.StartsWith("# 周报汇总 · 2026年第48周", digest.Content, StringComparison.Ordinal);
        Assert.Contains("> 应报 **3** · 已报 **2** · 按期 **1** · 迟报 **1** · 未报 **1**", digest.Content, StringComparison.Ordinal);
        Assert.Contains("## 未报（1）\n- <font color=\"warning\">丙幼儿园</font>　联络员：刘洋，逾期 3 天", digest.Content, StringComparison.Ordinal);
        Assert.Contains("## 迟报（1）\n- <font color=\"warning\">乙幼儿园</font>　11月28日（周六）10:00 报送，迟 1 天", digest.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_TakesAPeriodWhenItFallsDue_AndLaterChangesAsTheyHappen()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        var key = await hub.HubKeyAsync(_ct);
        var ledger = hub.First.Services.GetRequiredService<Storage.Digests.SubmissionLedgerStore>();
        async Task<IEnumerable<string>> LedgeredAsync() =>
            (await ledger.ListAsync(ReminderHarness.HubId, "weekly", "2026-W48", "2026-W48", _ct)).Select(e => e.SubmitterId + (e.Late ? " 迟报" : "")).Order(StringComparer.Ordinal);
        hub.SetLocal(11, 23, 10);
        await hub.TickAsync(_ct);

        await hub.SubmitAsync("a", key, _ct);
        Assert.Empty(await LedgeredAsync());
        hub.SetLocal(11, 27, 16, 59);
        await hub.TickAsync(_ct);
        Assert.Empty(await LedgeredAsync());
        hub.SetLocal(11, 27, 17, 1);
        await hub.TickAsync(_ct);
        Assert.Equal(["a"], await LedgeredAsync());

        hub.SetLocal(11, 28, 10);
        await hub.SubmitAsync("b", key, _ct);
        Assert.Equal(["a", "b 迟报"], await LedgeredAsync());
    }

    [Fact]
    public async Task TwoInstancesPostingAtOnceAndARetriedMessage_OneDigestPerChannel()
    {
        await using var hub = await ReminderHarness.StartAsync(instances: 2, cancellationToken: _ct);
        await hub.ApplyAsync(WithDigest("digest-weekly", channels: "[leaders, office]"), _ct);
        hub.SetLocal(11, 30, 9, 1);
        var window = new TickWindow(hub.Clock.GetUtcNow().AddMinutes(-2), hub.Clock.GetUtcNow());

        // Both instances run the same window twice at once, as after a tick retried everywhere.
        await Task.WhenAll(hub.Instances.SelectMany(i => new[] { Posting(i).RunAsync(window, _ct), Posting(i).RunAsync(window, _ct) }));
        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.LeadersRobot).Count == 1 && hub.Posted(ReminderHarness.OfficeChat).Count >= 1, _ct);

        // And the queue delivers a copy of the leaders' message again.
        var copy = new SendMessage(ReminderHarness.HubId, "digest:weekly:2026-W48:weekly-digest:leaders", Destination.Channel("leaders"), MessageFormat.Markdown,
            hub.Posted(ReminderHarness.LeadersRobot)[0].Content);
        await hub.First.Services.GetRequiredService<OutboundQueues>().EnqueueAsync(copy, _ct);
        await hub.WaitUntilDeliveredAsync(_ct);

        Assert.Single(hub.Posted(ReminderHarness.LeadersRobot));
        Assert.All(hub.Posted(ReminderHarness.OfficeChat), m => Assert.Contains("周报汇总 · 2026年第48周", m.Content, StringComparison.Ordinal));
        var posts = await hub.First.Services.GetRequiredService<Storage.Digests.DigestPostStore>().ListAsync(ReminderHarness.HubId, "weekly", "2026-W48", _ct);
        Assert.Equal(["leaders", "office"], posts.Select(p => p.ChannelId).Order(StringComparer.Ordinal));
        Assert.All(posts, p => Assert.NotNull(p.Post.QueuedAt));
    }

    [Fact]
    public async Task HubTemplateThatRunsAway_BuiltInIsPostedAndCoordinatorsAreToldWhy()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        await hub.ApplyAsync(WithDigest("runaway", templates: "templates:\n  runaway: \"{{ while true }}x{{ end }}\"\n"), _ct);
        hub.SetLocal(11, 30, 9, 1);

        await Posting(hub.First).RunAsync(new TickWindow(hub.Clock.GetUtcNow().AddMinutes(-2), hub.Clock.GetUtcNow()), _ct);

        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.LeadersRobot).Count == 1 && hub.AppMessagesTo("wangfang").Count == 1, _ct);
        Assert.StartsWith("# 周报汇总 · 2026年第48周", hub.Posted(ReminderHarness.LeadersRobot)[0].Content, StringComparison.Ordinal);
        var told = hub.AppMessagesTo("wangfang")[0].Content;
        Assert.Contains("未能使用模板“runaway”，已改用内置模板“digest-weekly”发出", told, StringComparison.Ordinal);
        Assert.Contains("Template 'runaway' failed: runaway(1,4)", told, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-template", "", "reports[0].digests[0].template")]
    [InlineData("broken", "templates:\n  broken: \"{{ if }}\"\n", "templates.broken")]
    public async Task Apply_TemplateMissingOrNotParsing_IsRefusedAtItsPath(string template, string templates, string path)
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);

        var result = await hub.First.Services.GetRequiredService<HubDefinitions>().ApplyAsync(WithDigest(template, templates: templates), null, "test", _ct);

        var invalid = Assert.IsType<HubApplyResult.Invalid>(result);
        Assert.Equal(path, Assert.Single(invalid.Errors).Path);
        Assert.Equal(HubDefinitionErrorCodes.BadTemplate, invalid.Errors[0].Code);
    }

    [Fact]
    public async Task GetDigest_LatestPeriod_GivesMarkdownPartsAndStatistics()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        await hub.ApplyAsync(WithDigest("digest-weekly"), _ct);
        var key = await hub.HubKeyAsync(_ct);
        await hub.SubmitAsync("c", key, _ct);
        hub.SetLocal(11, 30, 9);

        var digest = await hub.First.Http.GetFromJsonAsync<JsonElement>($"/api/hubs/{ReminderHarness.HubId}/reports/weekly/periods/latest/digest?code={Uri.EscapeDataString(key)}", _ct);
        using var unknown = await hub.First.Http.GetAsync($"/api/hubs/{ReminderHarness.HubId}/reports/weekly/periods/latest/digest?digest=nope&code={Uri.EscapeDataString(key)}", _ct);

        Assert.Equal(("2026-W48", "weekly-digest", "digest-weekly"), (digest.GetProperty("periodKey").GetString(), digest.GetProperty("digestId").GetString(), digest.GetProperty("template").GetString()));
        Assert.StartsWith("# 周报汇总 · 2026年第48周", digest.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, digest.GetProperty("parts").GetArrayLength());
        var counts = digest.GetProperty("statistics").GetProperty("counts");
        Assert.Equal((3, 1, 2), (counts.GetProperty("expected").GetInt32(), counts.GetProperty("onTime").GetInt32(), counts.GetProperty("missing").GetInt32()));
        Assert.Equal("Missing", digest.GetProperty("statistics").GetProperty("submitters")[0].GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DigestsSendCommand_PostsTheLatestDuePeriodNow_OncePerChannel()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        await hub.ApplyAsync(WithDigest("digest-weekly"), _ct);
        hub.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(1));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = hub.ConnectionString };

        var first = await LocalHost.Commands.RunAsync(["digests", "send", ReminderHarness.HubId, "weekly"], settings, output, error, _ct);
        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.LeadersRobot).Count == 1, _ct);
        var again = await LocalHost.Commands.RunAsync(["digests", "send", ReminderHarness.HubId, "weekly", "weekly-digest"], settings, output, error, _ct);
        var unknown = await LocalHost.Commands.RunAsync(["digests", "send", ReminderHarness.HubId, "weekly", "monthly-digest"], settings, output, error, _ct);
        await hub.WaitUntilDeliveredAsync(_ct);

        Assert.Equal((0, 0, 1), (first, again, unknown));
        Assert.Contains("汇总“weekly-digest”已排入队列，发往 leaders", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("“周报”没有汇总“monthly-digest”，可选：weekly-digest。", error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("# 周报汇总 · ", Assert.Single(hub.Posted(ReminderHarness.LeadersRobot)).Content, StringComparison.Ordinal);
    }

    private static DigestPosting Posting(Testing.HubInstance instance) => instance.Services.GetRequiredService<DigestPosting>();

    // The harness's document ends with the weekly kind's last reminder step: the digest goes on after it.
    private static string WithDigest(string template, string channels = "[leaders]", string templates = "")
    {
        Assert.EndsWith(LastReminder, ReminderHarness.Document, StringComparison.Ordinal);
        return ReminderHarness.Document + $$"""

                digests:
                  - { id: weekly-digest, template: {{template}}, channels: {{channels}}, schedule: { weekday: monday, time: "09:00" } }

            """ + templates;
    }
}

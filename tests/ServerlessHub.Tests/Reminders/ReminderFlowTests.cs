using System.Text.Json;

namespace ServerlessHub.Reminders;

/// <summary>
/// Whole ladders through the real reminders and outbound queues, Azurite and the WeCom simulator, on a clock the test
/// moves from step to step: who gets what, where, when, and never twice.
/// </summary>
public sealed class ReminderFlowTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ladder_EachStepReachesOnlyWhoStillOwes_InTheRightPlace()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        var key = await hub.HubKeyAsync(_ct);
        await hub.TickAsync(_ct);
        await hub.SubmitAsync("a", key, _ct);

        // -1d, Thursday 17:00: an app message to each liaison whose unit still owes; 甲 submitted on Monday.
        hub.SetLocal(11, 26, 17);
        await Polling.UntilAsync(() => hub.AppMessagesTo("lina").Count == 1 && hub.AppMessagesTo("liuyang").Count == 1, _ct);
        var toLina = hub.AppMessagesTo("lina")[0].Content;
        Assert.Contains("乙幼儿园2026年第48周（11月23日—11月29日）的周报将于11月27日（周五）17:00截止", toLina, StringComparison.Ordinal);
        Assert.Contains("周报 本周进展：… 下周计划：…", toLina, StringComparison.Ordinal);
        await hub.SubmitAsync("c", key, _ct);

        // 0, Friday 17:00: the members' robot, mentioning only 李娜 (乙 still owes; 丙 submitted on Thursday).
        hub.SetLocal(11, 27, 17);
        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.MembersRobot).Count == 1, _ct);
        var members = hub.Posted(ReminderHarness.MembersRobot)[0];
        Assert.Equal("markdown", members.MessageType);
        Assert.Contains("> 乙幼儿园 <@lina>", members.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("<@zhangwei>", members.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("<@liuyang>", members.Content, StringComparison.Ordinal);

        // +1wd, Monday 17:00: the office chat gets who is missing, with liaison and lateness.
        hub.SetLocal(11, 30, 17);
        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.OfficeChat).Count == 1, _ct);
        Assert.Contains("> 乙幼儿园：联络员 李娜，<font color=\"warning\">逾期 3 天（1 个工作日）</font>", hub.Posted(ReminderHarness.OfficeChat)[0].Content, StringComparison.Ordinal);

        // +3wd, Wednesday 17:00: the leaders' robot.
        hub.SetLocal(12, 2, 17);
        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.LeadersRobot).Count == 1, _ct);
        Assert.Contains("请领导关注", hub.Posted(ReminderHarness.LeadersRobot)[0].Content, StringComparison.Ordinal);
        await hub.WaitUntilDeliveredAsync(_ct);

        var listed = await hub.RemindersAsync(key, _ct);
        Assert.Equal(
            ["+1wd channel:office", "+3wd channel:leaders", "-1d lina", "-1d liuyang", "0 channel:members"],
            listed.GetProperty("sent").EnumerateArray().Select(r => $"{r.GetProperty("step").GetString()} {r.GetProperty("recipient").GetString()}").Order(StringComparer.Ordinal));
        Assert.Equal(
            ["2 个单位欠报，发出 2 条", "1 个单位欠报，发出 1 条", "1 个单位欠报，发出 1 条", "1 个单位欠报，发出 1 条"],
            listed.GetProperty("ladder").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()));
        Assert.Empty(hub.AppMessagesTo("zhangwei"));
        Assert.Single(hub.AppMessagesTo("lina"));
    }

    [Fact]
    public async Task Downtime_OverdueStepsGoOutOnceWhenTheAppIsBack_WithALateNote()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        var key = await hub.HubKeyAsync(_ct);
        await hub.TickAsync(_ct);

        // Nothing ran from Monday to Friday 18:00: the Thursday and Friday steps are both overdue.
        hub.SetLocal(11, 27, 18);
        await Polling.UntilAsync(() => hub.AppMessagesTo("zhangwei").Count == 1 && hub.Posted(ReminderHarness.MembersRobot).Count == 1, _ct);
        await hub.WaitUntilDeliveredAsync(_ct);

        Assert.Contains("（本提醒原定11月26日（周四）17:00发出，因系统暂停而补发。）", hub.AppMessagesTo("zhangwei")[0].Content, StringComparison.Ordinal);
        Assert.Contains("本提醒原定11月27日（周五）17:00发出", hub.Posted(ReminderHarness.MembersRobot)[0].Content, StringComparison.Ordinal);
        var sent = (await hub.RemindersAsync(key, _ct)).GetProperty("sent").EnumerateArray().ToList();
        Assert.Equal(4, sent.Count);
        Assert.All(sent, r => Assert.True(r.GetProperty("late").GetBoolean()));
    }

    [Fact]
    public async Task TwoInstancesAndACopyOfEachStep_StillOneMessagePerRecipient()
    {
        await using var hub = await ReminderHarness.StartAsync(instances: 2, cancellationToken: _ct);
        var key = await hub.HubKeyAsync(_ct);
        await hub.TickAsync(_ct);
        await hub.TickAsync(_ct);
        hub.SetLocal(11, 26, 17);
        // A redelivered copy of the Thursday step, and the tick's opening run again on the other instance.
        await hub.EnqueueAsync(new ReminderDue(ReminderHarness.HubId, "weekly", "2026-W48", 0, "-1d submitter -", hub.Clock.GetUtcNow()), _ct);

        await Polling.UntilAsync(async () => (await hub.RemindersAsync(key, _ct)).GetProperty("ladder")[0].TryGetProperty("outcome", out _), _ct);
        await Polling.UntilAsync(() => hub.AppMessagesTo("zhangwei").Count >= 1 && hub.AppMessagesTo("lina").Count >= 1 && hub.AppMessagesTo("liuyang").Count >= 1, _ct);
        await hub.WaitUntilDeliveredAsync(_ct);

        Assert.Equal((1, 1, 1), (hub.AppMessagesTo("zhangwei").Count, hub.AppMessagesTo("lina").Count, hub.AppMessagesTo("liuyang").Count));
    }

    [Fact]
    public async Task ManualUrge_OverHttp_ReachesWhoOwesOncePerHour_AndTheNextStepSkipsThem()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        var key = await hub.HubKeyAsync(_ct);
        await hub.TickAsync(_ct);
        await hub.SubmitAsync("a", key, _ct);
        hub.SetLocal(11, 26, 9);

        using var first = await hub.First.Http.PostAsync($"/api/hubs/{ReminderHarness.HubId}/reports/weekly/periods/current/urge?code={Uri.EscapeDataString(key)}&by=钱主任", null, _ct);
        using var second = await hub.First.Http.PostAsync($"/api/hubs/{ReminderHarness.HubId}/reports/weekly/periods/current/urge?code={Uri.EscapeDataString(key)}", null, _ct);

        var urged = JsonDocument.Parse(await first.Content.ReadAsStringAsync(_ct)).RootElement;
        Assert.Equal("sent", urged.GetProperty("outcome").GetString());
        Assert.Equal(["b", "c"], urged.GetProperty("urged").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        await Polling.UntilAsync(() => hub.AppMessagesTo("lina").Count == 1, _ct);
        Assert.Contains("如有困难，请联系钱主任", hub.AppMessagesTo("lina")[0].Content, StringComparison.Ordinal);

        // The Thursday 17:00 step comes eight hours later: those just urged are not reminded again.
        hub.SetLocal(11, 26, 17);
        await Polling.UntilAsync(async () => (await hub.RemindersAsync(key, _ct)).GetProperty("ladder")[0].TryGetProperty("outcome", out _), _ct);
        Assert.Equal("2 个单位欠报，发出 0 条", (await hub.RemindersAsync(key, _ct)).GetProperty("ladder")[0].GetProperty("outcome").GetString());
        hub.SetLocal(11, 27, 17);
        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.MembersRobot).Count == 1, _ct);
        await hub.WaitUntilDeliveredAsync(_ct);
        Assert.Single(hub.AppMessagesTo("lina"));
        Assert.Single(hub.AppMessagesTo("liuyang"));
    }

    [Fact]
    public async Task UnitRemovedAndUnitOnLeave_AreNeitherRemindedNorListedAsMissing()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        var key = await hub.HubKeyAsync(_ct);
        await hub.TickAsync(_ct);
        await hub.RecordLeaveAsync("b", key, _ct);
        var withoutC = ReminderHarness.Document
            .Replace("  - { id: c, name: 丙幼儿园 }\n", "", StringComparison.Ordinal)
            .Replace("  - { userId: liuyang, name: 刘洋, unit: c, roles: [liaison] }\n", "", StringComparison.Ordinal);
        await hub.ApplyAsync(withoutC, _ct);

        hub.SetLocal(11, 26, 17);
        await Polling.UntilAsync(() => hub.AppMessagesTo("zhangwei").Count == 1, _ct);
        hub.SetLocal(11, 30, 17);
        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.OfficeChat).Count == 1, _ct);
        await hub.WaitUntilDeliveredAsync(_ct);

        Assert.Empty(hub.AppMessagesTo("lina"));
        Assert.Empty(hub.AppMessagesTo("liuyang"));
        var office = hub.Posted(ReminderHarness.OfficeChat)[0].Content;
        Assert.Contains("以下 1 个单位仍未报送", office, StringComparison.Ordinal);
        Assert.Contains("甲幼儿园", office, StringComparison.Ordinal);
        Assert.DoesNotContain("乙幼儿园", office, StringComparison.Ordinal);
        Assert.DoesNotContain("丙幼儿园", office, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindersSendCommand_RunsAStepNow_OutsideSendingHoursToo_AndOnce()
    {
        await using var hub = await ReminderHarness.StartAsync(cancellationToken: _ct);
        hub.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(1));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = hub.ConnectionString };

        var first = await LocalHost.Commands.RunAsync(["reminders", "send", ReminderHarness.HubId, "weekly", "0"], settings, output, error, _ct);
        await Polling.UntilAsync(() => hub.Posted(ReminderHarness.MembersRobot).Count == 1, _ct);
        var again = await LocalHost.Commands.RunAsync(["reminders", "send", ReminderHarness.HubId, "weekly", "0"], settings, output, error, _ct);
        var unknown = await LocalHost.Commands.RunAsync(["reminders", "send", ReminderHarness.HubId, "weekly", "+9d"], settings, output, error, _ct);
        await hub.WaitUntilRemindersDrainedAsync(_ct);
        await hub.WaitUntilDeliveredAsync(_ct);

        Assert.Equal((0, 0, 1), (first, again, unknown));
        Assert.Contains("提醒步骤“0”已排入队列", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("可选：-1d, 0, +1wd, +3wd", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("<@zhangwei>", hub.Posted(ReminderHarness.MembersRobot)[0].Content, StringComparison.Ordinal);
        Assert.Single(hub.Posted(ReminderHarness.MembersRobot));
    }
}

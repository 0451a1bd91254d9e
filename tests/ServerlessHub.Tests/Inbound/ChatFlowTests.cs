using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Inbound;

/// <summary>Members and coordinators chatting with the hub's app, end to end through HTTP, queues and the simulator.</summary>
public sealed class ChatFlowTests(InboundHarness hub) : IClassFixture<InboundHarness>
{
    [Fact]
    public async Task WholeReportInOneMessage_IsStoredAndReceipted()
    {
        hub.NextWeek();
        var seen = hub.RepliesTo("zhangwei").Count;

        var callback = await hub.SayAsync("zhangwei", "周报\n本周进展：完成区域游戏观察记录\n存在问题：户外场地不足；下周计划：组织教研活动\n活动场次：3场");

        Assert.Equal(200, callback.Status);
        var receipt = await hub.NextReplyToAsync("zhangwei", seen);
        Assert.Contains("按期", receipt.Content, StringComparison.Ordinal);
        var stored = await hub.SubmissionAsync("a");
        Assert.Equal("完成区域游戏观察记录", stored!.Submission.Fields["progress"]);
        Assert.Equal("户外场地不足", stored.Submission.Fields["problems"]);
        Assert.Equal("3", stored.Submission.Fields["sessions"]);
        Assert.Equal(Submissions.SubmissionChannel.WeComApp, stored.Submission.Channel);

        // Revision after submitting, in one message.
        await hub.SayAsync("zhangwei", "修改 周报\n存在问题：户外场地已协调解决");
        var revised = await hub.NextReplyToAsync("zhangwei", seen + 1);
        Assert.Contains("存在问题", revised.Content, StringComparison.Ordinal);
        Assert.Equal(2, (await hub.SubmissionAsync("a"))!.Submission.Revision);
    }

    [Fact]
    public async Task SameMessageDeliveredThreeTimes_HasOneEffectAndOneReceipt()
    {
        hub.NextWeek();
        var seen = hub.RepliesTo("lina").Count;
        const string text = "周报 本周进展：开展亲子运动会；下周计划：整理课程故事";

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.Equal(200, (await hub.SayAsync("lina", text, msgId: "7300000000000000001")).Status);
        }

        var receipt = await hub.NextReplyToAsync("lina", seen);
        await hub.WaitUntilQuietAsync();
        Assert.Equal(seen + 1, hub.RepliesTo("lina").Count);
        Assert.Contains("按期", receipt.Content, StringComparison.Ordinal);
        Assert.Equal(1, (await hub.SubmissionAsync("b"))!.Submission.Revision);
    }

    [Fact]
    public async Task Interview_AsksEachFieldSkipsOptionalAndCompletes()
    {
        hub.NextWeek();
        var seen = hub.RepliesTo("zhangwei").Count;

        await hub.SayAsync("zhangwei", "周报");
        var first = await hub.NextReplyToAsync("zhangwei", seen);
        await hub.SayAsync("zhangwei", "完成混龄游戏观察");
        var second = await hub.NextReplyToAsync("zhangwei", seen + 1);
        await hub.SayAsync("zhangwei", "跳过");
        var third = await hub.NextReplyToAsync("zhangwei", seen + 2);
        await hub.SayAsync("zhangwei", "区域游戏材料投放研讨");
        var fourth = await hub.NextReplyToAsync("zhangwei", seen + 3);
        await hub.SayAsync("zhangwei", "跳过");
        var receipt = await hub.NextReplyToAsync("zhangwei", seen + 4);

        Assert.Contains("本周进展", first.Content, StringComparison.Ordinal);
        Assert.Contains("存在问题", second.Content, StringComparison.Ordinal);
        Assert.Contains("下周计划", third.Content, StringComparison.Ordinal);
        Assert.Contains("活动场次", fourth.Content, StringComparison.Ordinal);
        Assert.Contains("按期", receipt.Content, StringComparison.Ordinal);
        var stored = await hub.SubmissionAsync("a");
        Assert.Equal("区域游戏材料投放研讨", stored!.Submission.Fields["plan"]);
        Assert.False(stored.Submission.Fields.ContainsKey("problems"));
    }

    [Fact]
    public async Task Interview_Cancelled_StoresNothing()
    {
        hub.NextWeek();
        var seen = hub.RepliesTo("lina").Count;

        await hub.SayAsync("lina", "周报");
        await hub.NextReplyToAsync("lina", seen);
        await hub.SayAsync("lina", "取消");
        var cancelled = await hub.NextReplyToAsync("lina", seen + 1);

        Assert.Contains("取消", cancelled.Content, StringComparison.Ordinal);
        Assert.Null(await hub.SubmissionAsync("b"));
    }

    [Fact]
    public async Task Interview_LeftIdle_ExpiresAndTheNextMessageSaysSo()
    {
        hub.NextWeek();
        var seen = hub.RepliesTo("lina").Count;
        await hub.SayAsync("lina", "周报");
        await hub.NextReplyToAsync("lina", seen);

        hub.Advance(TimeSpan.FromMinutes(45));
        await hub.SayAsync("lina", "帮助");
        var reply = await hub.NextReplyToAsync("lina", seen + 1);

        Assert.Contains("已自动取消", reply.Content, StringComparison.Ordinal);
        Assert.Null(await hub.SubmissionAsync("b"));
    }

    [Fact]
    public async Task UnknownText_GetsHelpNeverSilence()
    {
        var seen = hub.RepliesTo("zhangwei").Count;

        await hub.SayAsync("zhangwei", "今天天气不错");

        var help = await hub.NextReplyToAsync("zhangwei", seen);
        Assert.Contains("周报", help.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSender_GetsAPoliteReplyAndCoordinatorsAreToldOnce()
    {
        var coordinatorSeen = hub.RepliesTo("wangfang").Count;
        var seen = hub.RepliesTo("zhaolei").Count;

        await hub.SayAsync("zhaolei", "周报 本周进展：无");
        var reply = await hub.NextReplyToAsync("zhaolei", seen);
        var notice = await hub.NextReplyToAsync("wangfang", coordinatorSeen);
        await hub.SayAsync("zhaolei", "你好");
        await hub.NextReplyToAsync("zhaolei", seen + 1);
        await hub.WaitUntilQuietAsync();

        Assert.Contains("王芳", reply.Content, StringComparison.Ordinal);
        Assert.Contains("zhaolei", notice.Content, StringComparison.Ordinal);
        Assert.Equal(coordinatorSeen + 1, hub.RepliesTo("wangfang").Count);
    }

    [Fact]
    public async Task Coordinator_AsksWhoIsMissingAndUrgesThemOncePerHour()
    {
        // Saturday: past Friday's due time, nobody has submitted this week.
        hub.NextWeek();
        hub.Advance(TimeSpan.FromDays(5));
        var seen = hub.RepliesTo("wangfang").Count;
        var zhangweiSeen = hub.RepliesTo("zhangwei").Count;

        await hub.SayAsync("wangfang", "未交 周报");
        var missing = await hub.NextReplyToAsync("wangfang", seen);
        await hub.SayAsync("wangfang", "催报 周报");
        var urged = await hub.NextReplyToAsync("wangfang", seen + 1);
        var notice = await hub.NextReplyToAsync("zhangwei", zhangweiSeen);
        await hub.SayAsync("wangfang", "催报 周报");
        var again = await hub.NextReplyToAsync("wangfang", seen + 2);

        Assert.Contains("甲幼儿园", missing.Content, StringComparison.Ordinal);
        Assert.Contains("乙幼儿园", missing.Content, StringComparison.Ordinal);
        Assert.Contains("共2个：甲幼儿园、乙幼儿园", urged.Content, StringComparison.Ordinal);
        Assert.Contains("周报", notice.Content, StringComparison.Ordinal);
        Assert.NotEqual(urged.Content, again.Content);
    }

    [Fact]
    public async Task Liaison_CannotAskWhoIsMissing()
    {
        var seen = hub.RepliesTo("lina").Count;

        await hub.SayAsync("lina", "未交 周报");

        var reply = await hub.NextReplyToAsync("lina", seen);
        Assert.DoesNotContain("甲幼儿园", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusWithdrawAndLeave_AnswerInChinese()
    {
        hub.NextWeek();
        var seen = hub.RepliesTo("zhangwei").Count;

        await hub.SayAsync("zhangwei", "状态");
        var status = await hub.NextReplyToAsync("zhangwei", seen);
        await hub.SayAsync("zhangwei", "周报 本周进展：月末总结；下周计划：新年活动");
        await hub.NextReplyToAsync("zhangwei", seen + 1);
        await hub.SayAsync("zhangwei", "撤回 周报");
        var withdrawn = await hub.NextReplyToAsync("zhangwei", seen + 2);
        await hub.SayAsync("zhangwei", "请假 明天 外出培训");
        var leave = await hub.NextReplyToAsync("zhangwei", seen + 3);

        Assert.Contains("周报", status.Content, StringComparison.Ordinal);
        Assert.Contains("撤回", withdrawn.Content, StringComparison.Ordinal);
        Assert.True((await hub.SubmissionAsync("a"))!.Submission.Withdrawn);
        Assert.Contains("请假", leave.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AiBotMention_IsHandledAndAnsweredThroughTheResponseUrl()
    {
        hub.NextWeek();
        var responses = hub.WeCom.Messages.Count(m => m.Channel == SimulatedChannel.AiBotResponse);

        var callback = await hub.Members.SendBotTextAsync(hub.Target, "lina", "@报送助手 周报 本周进展：新年第一周；下周计划：开学准备", "wrgroupchat01",
            hub.WeCom.IssueResponseUrl(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(200, callback.Status);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (hub.WeCom.Messages.Count(m => m.Channel == SimulatedChannel.AiBotResponse) == responses)
        {
            await Task.Delay(50, limit.Token);
        }

        var stored = await hub.SubmissionAsync("b");
        Assert.Equal(Submissions.SubmissionChannel.WeComBot, stored!.Submission.Channel);
        Assert.Contains("按期", hub.WeCom.Messages.Last(m => m.Channel == SimulatedChannel.AiBotResponse).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterAgent_GetsAWelcome()
    {
        var seen = hub.RepliesTo("chenjing").Count;

        await hub.Members.SendEnterAgentAsync(hub.Target, "chenjing", TestContext.Current.CancellationToken);

        Assert.Contains("帮助", (await hub.NextReplyToAsync("chenjing", seen)).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LateWork_OldWeekInChat_IsRefusedAsOverHttp()
    {
        hub.NextWeek();
        var seen = hub.RepliesTo("zhangwei").Count;

        await hub.SayAsync("zhangwei", "周报 2026-W40\n本周进展：补报国庆前一周\n下周计划：无");

        var reply = await hub.NextReplyToAsync("zhangwei", seen);
        Assert.StartsWith("2026年第40周（9月28日—10月4日）的周报已于10月9日（周五）17:00停止受理，不能再补报、修改或撤回。", reply.Content, StringComparison.Ordinal);
        Assert.Null(await hub.App.Services.GetRequiredService<Storage.Submissions.SubmissionStore>().GetAsync(InboundHarness.HubId, "weekly", "2026-W40", "a", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DigestCommand_FromALeader_ArrivesAsMarkdownWithWhoHasNotReported()
    {
        hub.NextWeek();
        var week = hub.WeekKey;
        var seen = hub.RepliesTo("zhangwei").Count;
        await hub.SayAsync("zhangwei", "周报\n本周进展：完成观察记录；下周计划：教研\n活动场次：2");
        await hub.NextReplyToAsync("zhangwei", seen);
        var leaderSeen = hub.RepliesTo("chenjing").Count;

        await hub.SayAsync("chenjing", $"汇总 周报 {week}");

        var digest = await hub.NextReplyToAsync("chenjing", leaderSeen);
        Assert.Equal("markdown", digest.MessageType);
        Assert.StartsWith($"# 周报汇总 · {week[..4]}年第{int.Parse(week[6..], System.Globalization.CultureInfo.InvariantCulture)}周", digest.Content, StringComparison.Ordinal);
        Assert.Contains("已报 **1**", digest.Content, StringComparison.Ordinal);
        Assert.Contains("## 待报（1）\n乙幼儿园", digest.Content, StringComparison.Ordinal);
        Assert.Contains("- **甲幼儿园**：完成观察记录", digest.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowCommand_FromACoordinator_ShowsWhatTheUnitWrote_AndALiaisonMayNot()
    {
        hub.NextWeek();
        var seen = hub.RepliesTo("lina").Count;
        await hub.SayAsync("lina", "周报\n本周进展：开展户外自主游戏\n存在问题：场地不足；下周计划：家长开放日");
        await hub.NextReplyToAsync("lina", seen);
        var coordinatorSeen = hub.RepliesTo("wangfang").Count;

        await hub.SayAsync("wangfang", "看 周报 乙");
        var shown = await hub.NextReplyToAsync("wangfang", coordinatorSeen);
        await hub.SayAsync("wangfang", "看 周报 幼儿园");
        var ambiguous = await hub.NextReplyToAsync("wangfang", coordinatorSeen + 1);
        await hub.SayAsync("lina", "看 周报 甲");
        var refused = await hub.NextReplyToAsync("lina", seen + 1);

        Assert.StartsWith("【乙幼儿园】周报", shown.Content, StringComparison.Ordinal);
        Assert.Contains("本周进展：开展户外自主游戏\n存在问题：场地不足\n下周计划：家长开放日", shown.Content, StringComparison.Ordinal);
        Assert.Contains("李娜", shown.Content, StringComparison.Ordinal);
        Assert.Equal("“幼儿园”对应多个单位：甲幼儿园、乙幼儿园。请写得更具体一些。", ambiguous.Content);
        Assert.StartsWith("只有牵头单位和领导可以查看汇总和各单位报送的内容。", refused.Content, StringComparison.Ordinal);
    }
}

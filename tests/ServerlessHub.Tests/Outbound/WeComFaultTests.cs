using System.Text.Json;
using ServerlessHub.WeCom.Simulation.Faults;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Outbound;

/// <summary>
/// WeCom misbehaving, as the simulator's fault plan makes it: every message still arrives, once, after retries that
/// back off; what never heals is given up with its error.
/// </summary>
public sealed class WeComFaultTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Outbound:RetryDelay"] = "00:00:01",
        ["WeCom:Timeout"] = "00:00:01",
    };

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<FaultKind, int> Faults => new()
    {
        { FaultKind.Busy, 4 },
        { FaultKind.HttpError, 4 },
        { FaultKind.Drop, 4 },
        { FaultKind.FrequencyLimited, 2 },
        { FaultKind.Slow, 2 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Misbehaving_EveryMessageArrivesOnceAfterRetries(FaultKind kind, int count)
    {
        await using var harness = await OutboundHarness.StartAsync(rateWindow: TimeSpan.FromSeconds(2), moreSettings: FastRetries, cancellationToken: _ct);
        // Slow beyond WeCom:Timeout (1 s): the client gives up before the simulator handles the call.
        harness.WeCom.Faults.Add(new SimulatedFault { Kind = kind, Count = count, Delay = TimeSpan.FromSeconds(3) });

        var sent = new (string Id, Destination To, string Content)[]
        {
            ("robot", Destination.Channel("robot"), "请各单位于周五前提交周报。"),
            ("people", Destination.People("zhangwei"), "您的周报尚未提交。"),
            ("liaisons", Destination.Liaisons("b"), "乙幼儿园周报已逾期。"),
            ("chat", Destination.Channel("office"), "本周报送率 80%。"),
            ("users", Destination.Channel("coordinators"), "甲幼儿园周报已提交。"),
        };
        foreach (var (id, to, content) in sent)
        {
            await harness.SendAsync(new SendMessage(harness.HubId, id, to, MessageFormat.Text, content), _ct);
        }

        await Polling.UntilAsync(() => sent.All(s => harness.WeCom.Messages.Any(m => m.Content == s.Content)), _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        Assert.Equal(count, harness.WeCom.Faults.Strikes.Count);
        Assert.Empty(harness.WeCom.Faults.Pending);
        Assert.Equal(sent.Select(s => s.Content).Order(), harness.WeCom.Messages.Select(m => m.Content).Order());
        var outbox = await harness.OutboxAsync(null, _ct);
        Assert.All(outbox, item => Assert.Equal("sent", item.GetProperty("status").GetString()));
        Assert.Equal(sent.Length + count, outbox.Sum(item => item.GetProperty("attempts").GetInt32()));
        Assert.False(await harness.Poison.ExistsAsync(_ct) && (await harness.Poison.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount > 0);
    }

    [Fact]
    public async Task AnswerLostAfterWeComAccepted_AppMessageResentWithDuplicateCheckArrivesOnce()
    {
        await using var harness = await OutboundHarness.StartAsync(moreSettings: FastRetries, cancellationToken: _ct);
        harness.WeCom.Faults.Add(new SimulatedFault { Kind = FaultKind.DropAnswer, Channel = SimulatedChannel.App });

        await harness.SendAsync(new SendMessage(harness.HubId, "receipt", Destination.People("lina"), MessageFormat.Text, "已收到甲幼儿园 2026-W47 周报。"), _ct);
        await Polling.UntilAsync(async () => (await harness.OutboxAsync(null, _ct)).Any(i => i.GetProperty("status").GetString() == "sent"), _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var message = Assert.Single(harness.WeCom.Messages);
        Assert.False(message.Body.TryGetProperty("enable_duplicate_check", out _));
        var item = Assert.Single(await harness.OutboxAsync(null, _ct));
        Assert.Equal(2, item.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task NeverHeals_BacksOffDoublingThenPoisonedWithTheLastError()
    {
        var settings = new Dictionary<string, string?>(FastRetries) { ["Outbound:RetryDelay"] = "00:00:02", ["Outbound:MaxAttempts"] = "3" };
        await using var harness = await OutboundHarness.StartAsync(moreSettings: settings, cancellationToken: _ct);
        harness.WeCom.Faults.Add(new SimulatedFault { Kind = FaultKind.Busy, Count = 100 });

        await harness.SendAsync(new SendMessage(harness.HubId, "busy", Destination.Channel("robot"), MessageFormat.Text, "本周周报汇总"), _ct);
        await Polling.UntilAsync(async () => await harness.Poison.ExistsAsync(_ct) && (await harness.Poison.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount > 0, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var strikes = harness.WeCom.Faults.Strikes.Select(s => s.At).ToList();
        Assert.Equal(3, strikes.Count);
        var first = strikes[1] - strikes[0];
        var second = strikes[2] - strikes[1];
        // 2 s then 4 s, each ±20 % and rounded up to the queue's whole seconds.
        Assert.InRange(first, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3.9));
        Assert.True(second > first, $"The second wait ({second.TotalSeconds:0.0} s) is not longer than the first ({first.TotalSeconds:0.0} s).");
        Assert.Empty(harness.WeCom.Messages);

        var poisoned = Assert.Single((await harness.Poison.ReceiveMessagesAsync(10, cancellationToken: _ct)).Value);
        using var body = JsonDocument.Parse(poisoned.Body.ToString());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("retries-exhausted", error.GetProperty("reason").GetString());
        Assert.Equal(-1, error.GetProperty("errcode").GetInt32());
        var item = Assert.Single(await harness.OutboxAsync(null, _ct));
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.Equal(3, item.GetProperty("attempts").GetInt32());
    }
}

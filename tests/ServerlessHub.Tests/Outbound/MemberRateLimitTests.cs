using System.Net.Http.Json;
using System.Text.Json;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Outbound;

/// <summary>
/// WeCom drops app messages beyond its per-member limit, so the hub must keep every member under it, whichever messages
/// name them. Windows are shortened to 2 s (the hub's margin 0.5 s), and the simulator's arrival times are the proof.
/// </summary>
public sealed class MemberRateLimitTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task BatchOfRemindersToOneMember_SpreadOverWindowsOfAtMostTheLimit()
    {
        await using var harness = await OutboundHarness.StartAsync(rateWindow: Window, maxWait: "00:00:00.500", appMessagesPerWindow: 4, cancellationToken: _ct);

        for (var i = 1; i <= 10; i++)
        {
            await harness.SendAsync(new SendMessage(harness.HubId, $"reminder-{i}", Destination.People("zhangwei"), MessageFormat.Text, $"第{i}条提醒：请提交周报"), _ct);
        }

        await Polling.UntilAsync(() => harness.Received(SimulatedChannel.App).Count >= 10, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var times = harness.AppMessageTimesByMember()["zhangwei"].Order().ToList();
        AssertWithinLimit("zhangwei", times, 4);
        // Ten at four a window need three windows: the batch was spread, not sent at once (nor dropped).
        Assert.True(times[^1] - times[0] >= 2 * Window, $"The batch took {(times[^1] - times[0]).TotalMilliseconds:0} ms.");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"第{i}条提醒：请提交周报").Order(), harness.Received(SimulatedChannel.App).Select(m => m.Content).Order());
        Assert.All(await OutboxAsync(harness), item => Assert.Equal("sent", item.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task OverlappingRecipientsFromTwoInstances_NoMemberGetsMoreThanTheLimitInAnyWindow()
    {
        await using var harness = await OutboundHarness.StartAsync(instances: 2, rateWindow: Window, maxWait: "00:00:00.500", appMessagesPerWindow: 3, cancellationToken: _ct);
        var messages = new List<(string Id, Destination To)>();
        messages.AddRange(Enumerable.Range(1, 4).Select(i => ($"pair-{i}", Destination.People("zhangwei", "lina"))));
        messages.AddRange(Enumerable.Range(1, 3).Select(i => ($"unit-{i}", Destination.Liaisons("a"))));
        messages.AddRange(Enumerable.Range(1, 3).Select(i => ($"single-{i}", Destination.People("ZhangWei"))));
        messages.AddRange(Enumerable.Range(1, 2).Select(i => ($"other-{i}", Destination.People("wangfang", "lina"))));
        messages.AddRange(Enumerable.Range(1, 2).Select(i => ($"channel-{i}", Destination.Channel("coordinators"))));

        foreach (var (id, to) in messages)
        {
            await harness.SendAsync(new SendMessage(harness.HubId, id, to, MessageFormat.Text, id), _ct);
        }

        await Polling.UntilAsync(() => harness.Received(SimulatedChannel.App).Count >= messages.Count, _ct);
        await harness.WaitUntilQueueEmptyAsync(_ct);

        var byMember = harness.AppMessageTimesByMember();
        // zhangwei is named by 4 + 3 + 3 messages, lina by 4 + 3 + 2: limited per recipient set, each would have had up
        // to three sets' worth in one window.
        Assert.Equal((10, 9, 4, 2), (byMember["zhangwei"].Count(), byMember["lina"].Count(), byMember["wangfang"].Count(), byMember["chenjing"].Count()));
        foreach (var member in byMember)
        {
            AssertWithinLimit(member.Key, [.. member.Order()], 3);
        }

        Assert.Equal(messages.Select(m => m.Id).Order(), harness.Received(SimulatedChannel.App).Select(m => m.Content).Order());
    }

    private static void AssertWithinLimit(string member, List<DateTimeOffset> times, int limit)
    {
        for (var i = limit; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - limit] >= Window,
                $"{member}: messages {i - limit + 1} and {i + 1} arrived {(times[i] - times[i - limit]).TotalMilliseconds:0} ms apart, within one {Window.TotalSeconds} s window.");
        }
    }

    private async Task<IReadOnlyList<JsonElement>> OutboxAsync(OutboundHarness harness)
    {
        var key = await harness.HubKeyAsync(_ct);
        var items = await harness.First.Http.GetFromJsonAsync<JsonElement>($"/api/hubs/{harness.HubId}/outbox?code={Uri.EscapeDataString(key)}", _ct);
        return [.. items.EnumerateArray()];
    }
}

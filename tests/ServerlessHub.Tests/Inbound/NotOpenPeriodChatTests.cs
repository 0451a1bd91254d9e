using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Outbound;
using ServerlessHub.WeCom.Messages;

namespace ServerlessHub.Inbound;

/// <summary>
/// 状态, 未交 and 催报 on the demo hub while 学期小结's current term has not opened (it opens 2027-01-08 08:00): the chat
/// processor runs against real storage and its replies are read back from the outbound queue (triggers are off).
/// </summary>
public sealed class NotOpenPeriodChatTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_KindNotOpenYet_ListedApartWithItsOpeningNeverAsPending()
    {
        var reply = await SayAsync("wangxiaomei", "状态");

        Assert.Contains("· 周报 2026年第48周（11月23日—11月29日）：待报", reply, StringComparison.Ordinal);
        Assert.Contains("尚未开放（开放后再报送）：\n· 学期小结 2026—2027学年第一学期：1月8日（周五）08:00开放，截止1月22日（周五）17:00", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("学期小结 2026—2027学年第一学期：待报", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAndUrge_KindNotOpenYet_SayItOpensLaterAndUrgeNobody()
    {
        var missing = await SayAsync("qianwenbo", "未交 学期小结");
        var urge = await SayAsync("qianwenbo", "催报 学期小结");

        Assert.Contains("尚未开放：1月8日（周五）08:00开放", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("催报 学期小结", missing, StringComparison.Ordinal);
        Assert.Equal("2026—2027学年第一学期的学期小结尚未开放，1月8日（周五）08:00开放，开放前无需催报。", urge);
        Assert.DoesNotContain(await QueuedAsync(), m => m.DeliveryId.StartsWith("urge:", StringComparison.Ordinal));
    }

    private async Task<string> SayAsync(string from, string text)
    {
        fixture.Time.SetUtcNow(Thursday);
        var hub = await fixture.Hub.Services.GetRequiredService<HubCatalog>().GetAsync(HubApiFixture.Schools, _ct);
        var dedupe = $"app:{Guid.NewGuid():N}";
        await fixture.Hub.Services.GetRequiredService<ChatProcessor>().HandleAsync(hub!,
            new InboundChatMessage(ChatChannel.App, dedupe, from, null, InboundMessageKind.Text, "text", text, null, Thursday, null, null), _ct);
        return Assert.Single(await QueuedAsync(), m => m.DeliveryId == $"reply:{dedupe}").Content;
    }

    private async Task<List<SendMessage>> QueuedAsync()
    {
        var queue = new QueueClient(fixture.ConnectionString, OutboundQueues.QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var messages = (await queue.PeekMessagesAsync(32, _ct)).Value;
        return [.. messages.Select(m => JsonSerializer.Deserialize(m.Body.ToString(), OutboundJsonContext.Default.SendMessage)!)];
    }
}

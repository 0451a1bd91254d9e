using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.WeCom.Messages;

public class AppMessageTests
{
    private const string MutationSample =
        "<xml><ToUserName><![CDATA[wx]]></ToUserName><FromUserName><![CDATA[u]]></FromUserName><CreateTime>1409659813</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>1</MsgId></xml>";

    private static readonly DateTimeOffset PublishedCreateTime = DateTimeOffset.FromUnixTimeSeconds(1409659813);

    [Fact]
    public void Parse_PublishedVectorEndToEnd_ReadsTheTextMessage()
    {
        var envelope = CallbackEnvelope.ParseAppXml(System.Text.Encoding.UTF8.GetBytes(PublishedVectors.AppBody));
        var decrypted = PublishedVectors.AppCrypto().Decrypt(
            PublishedVectors.AppSignature, PublishedVectors.AppTimestamp, PublishedVectors.AppNonce, envelope.Value!.Encrypt);

        var result = AppMessage.Parse(decrypted.Message!);

        Assert.True(result.IsOk);
        Assert.Equal(
            new AppMessage("wx5823bf96d3bd56c7", "mycreate", PublishedCreateTime, "text", "hello", "4561255354251345929", "218", null, null),
            result.Value);
    }

    [Fact]
    public void ToInboundChatMessage_TextMessage_CarriesTextAndMsgIdKey()
    {
        var message = Parse(Text("mycreate", 1409659813, "周报\n本周进展：完成", "4561255354251345929"));

        var inbound = message.ToInboundChatMessage();

        Assert.Equal(
            new InboundChatMessage(
                ChatChannel.App, "app:4561255354251345929", "mycreate", null, InboundMessageKind.Text, "text",
                "周报\n本周进展：完成", null, PublishedCreateTime, null, null),
            inbound);
    }

    [Fact]
    public void Parse_EnterAgentEvent_IsAnEventKeyedBySenderTimeAndEvent()
    {
        var message = Parse(Event("zhangsan", 1700000000, "enter_agent"));

        Assert.True(message.IsEvent);
        Assert.Null(message.MsgId);
        Assert.Equal("app:event:enter_agent:zhangsan:1700000000", message.DedupeKey);
        var inbound = message.ToInboundChatMessage();
        Assert.Equal(InboundMessageKind.Event, inbound.Kind);
        Assert.Equal("enter_agent", inbound.EventName);
        Assert.Null(inbound.Text);
    }

    [Fact]
    public void DedupeKey_RedeliveredEvent_IsStableAndDistinctFromOtherEvents()
    {
        var first = Parse(Event("zhangsan", 1700000000, "enter_agent")).DedupeKey;

        Assert.Equal(first, Parse(Event("zhangsan", 1700000000, "enter_agent")).DedupeKey);
        Assert.NotEqual(first, Parse(Event("zhangsan", 1700000001, "enter_agent")).DedupeKey);
        Assert.NotEqual(first, Parse(Event("lisi", 1700000000, "enter_agent")).DedupeKey);
        Assert.NotEqual(first, Parse(Event("zhangsan", 1700000000, "subscribe")).DedupeKey);
    }

    [Fact]
    public void Parse_SubscribeEvent_IsAnEvent()
    {
        Assert.Equal("subscribe", Parse(Event("zhangsan", 1700000000, "subscribe")).ToInboundChatMessage().EventName);
    }

    [Fact]
    public void Parse_UnknownMsgType_IsRepresentedAsOther()
    {
        var xml = "<xml><ToUserName>wx</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1700000000</CreateTime>"
            + "<MsgType>location</MsgType><Location_X>23.1</Location_X><MsgId>42</MsgId><AgentID>1</AgentID></xml>";

        var inbound = Parse(xml).ToInboundChatMessage();

        Assert.Equal(InboundMessageKind.Other, inbound.Kind);
        Assert.Equal("location", inbound.MessageType);
        Assert.Equal("app:42", inbound.DedupeKey);
        Assert.Null(inbound.Text);
    }

    [Fact]
    public void Parse_TextWithoutContent_IsEmptyText()
    {
        var xml = "<xml><ToUserName>wx</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><MsgId>7</MsgId></xml>";

        Assert.Equal("", Parse(xml).ToInboundChatMessage().Text);
    }

    [Theory]
    [InlineData("<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>")]
    [InlineData("<xml><ToUserName>wx</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>")]
    [InlineData("<xml><ToUserName>wx</ToUserName><FromUserName>u</FromUserName><MsgType>text</MsgType></xml>")]
    [InlineData("<xml><ToUserName>wx</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime></xml>")]
    public void Parse_RequiredFieldMissing_ReturnsMissingField(string xml)
    {
        Assert.Equal(CallbackParseStatus.MissingField, AppMessage.Parse(xml).Status);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    [InlineData("1e9")]
    public void Parse_CreateTimeNotUnixSeconds_ReturnsMalformed(string createTime)
    {
        var xml = $"<xml><ToUserName>wx</ToUserName><FromUserName>u</FromUserName><CreateTime>{createTime}</CreateTime><MsgType>text</MsgType></xml>";

        Assert.Equal(CallbackParseStatus.Malformed, AppMessage.Parse(xml).Status);
    }

    [Fact]
    public void Parse_Empty_ReturnsEmpty()
    {
        Assert.Equal(CallbackParseStatus.Empty, AppMessage.Parse("").Status);
    }

    [Fact]
    public void Parse_Over64KiB_ReturnsTooLarge()
    {
        Assert.Equal(CallbackParseStatus.TooLarge, AppMessage.Parse(HostilePayloads.OversizedXml()).Status);
    }

    [Fact]
    public void Parse_BillionLaughs_ReturnsMalformed()
    {
        Assert.Equal(CallbackParseStatus.Malformed, AppMessage.Parse(HostilePayloads.BillionLaughs()).Status);
    }

    [Fact]
    public void Parse_ExternalEntity_ReturnsMalformed()
    {
        Assert.Equal(CallbackParseStatus.Malformed, AppMessage.Parse(HostilePayloads.ExternalEntity).Status);
    }

    [Fact]
    public void Parse_ContentWithManyEscapedCharacters_KeepsThem()
    {
        var content = string.Concat(Enumerable.Repeat("&amp;&lt;", 2000));
        var xml = "<xml><ToUserName>wx</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>"
            + $"<Content>{content}</Content><MsgId>9</MsgId></xml>";

        Assert.Equal(string.Concat(Enumerable.Repeat("&<", 2000)), Parse(xml).Content);
    }

    [Fact]
    public void Parse_DuplicateContent_ReturnsMalformed()
    {
        var xml = "<xml><ToUserName>wx</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>"
            + "<Content>a</Content><Content>b</Content></xml>";

        Assert.Equal(CallbackParseStatus.Malformed, AppMessage.Parse(xml).Status);
    }

    [Property]
    public Property Parse_MutatedOrRandomText_ReturnsAValueWithoutThrowing() =>
        Prop.ForAll(HostileGen.TextNear(MutationSample).ToArbitrary(), text =>
        {
            var result = AppMessage.Parse(text);
            return result.IsOk == (result.Value is not null);
        });

    private static AppMessage Parse(string xml)
    {
        var result = AppMessage.Parse(xml);
        Assert.True(result.IsOk, $"Expected Ok, got {result.Status}");
        return result.Value;
    }

    private static string Text(string from, long createTime, string content, string msgId) =>
        $"<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>"
        + $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>"
        + $"<MsgId>{msgId}</MsgId><AgentID>218</AgentID></xml>";

    private static string Event(string from, long createTime, string eventName) =>
        $"<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>"
        + $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event>"
        + "<EventKey><![CDATA[]]></EventKey><AgentID>218</AgentID></xml>";
}

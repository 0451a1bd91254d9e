using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.WeCom.Messages;

public class BotMessageTests
{
    private const string MutationSample =
        "{\"msgid\":\"m\",\"aibotid\":\"b\",\"chattype\":\"group\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"mixed\","
        + "\"create_time\":1700000000,\"mixed\":{\"msg_item\":[{\"msgtype\":\"text\",\"text\":{\"content\":\"a\"}}]}}";

    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 3, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_PublishedVectorEndToEnd_ReadsTheTextMessage()
    {
        var envelope = CallbackEnvelope.ParseBotJson(System.Text.Encoding.UTF8.GetBytes(PublishedVectors.BotBody));
        var decrypted = PublishedVectors.BotCrypto().Decrypt(
            PublishedVectors.BotSignature, PublishedVectors.BotTimestamp, PublishedVectors.BotNonce, envelope.Value!.Encrypt);

        var result = BotMessage.Parse(decrypted.Message!);

        Assert.True(result.IsOk);
        Assert.Equal(
            new BotMessage("1234567890123456", "12345", "1234567890123456", null, "test", null, null, "text", "test", null, null),
            result.Value);
    }

    [Fact]
    public void ToInboundChatMessage_TextWithoutCreateTime_UsesReceivedAt()
    {
        var message = Parse("""
            {"msgid":"CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=","aibotid":"B1","chatid":"G1","chattype":"group",
             "from":{"userid":"zhangsan"},"response_url":"https://example.invalid/r","msgtype":"text",
             "text":{"content":"@报送助手 周报"}}
            """);

        var inbound = message.ToInboundChatMessage(ReceivedAt);

        Assert.Equal(BotChatType.Group, message.ChatType);
        Assert.Equal(
            new InboundChatMessage(
                ChatChannel.Bot, "bot:CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", "zhangsan", "G1", InboundMessageKind.Text, "text",
                "@报送助手 周报", null, ReceivedAt, "https://example.invalid/r", null),
            inbound);
    }

    [Fact]
    public void Parse_Mixed_JoinsTheTextPartsAndSkipsImages()
    {
        var message = Parse("""
            {"msgid":"m1","from":{"userid":"u"},"chattype":"single","msgtype":"mixed","mixed":{"msg_item":[
              {"msgtype":"text","text":{"content":"本周进展：完成"}},
              {"msgtype":"image","image":{"url":"https://example.invalid/i"}},
              {"msgtype":"text","text":{"content":"存在问题：无"}}]}}
            """);

        Assert.Equal(BotChatType.OneToOne, message.ChatType);
        Assert.Equal("本周进展：完成\n存在问题：无", message.Text);
        Assert.Equal(InboundMessageKind.Text, message.ToInboundChatMessage(ReceivedAt).Kind);
    }

    [Fact]
    public void Parse_StreamRefresh_CarriesTheStreamId()
    {
        var inbound = Parse("""{"msgid":"m2","from":{"userid":"u"},"msgtype":"stream","stream":{"id":"S1"}}""")
            .ToInboundChatMessage(ReceivedAt);

        Assert.Equal(InboundMessageKind.StreamRefresh, inbound.Kind);
        Assert.Equal("S1", inbound.StreamId);
        Assert.Null(inbound.Text);
    }

    [Fact]
    public void Parse_EnterChatEvent_UsesWeComsCreateTime()
    {
        var inbound = Parse("""
            {"msgid":"m3","create_time":1700000000,"aibotid":"B1","from":{"userid":"u"},"msgtype":"event",
             "event":{"eventtype":"enter_chat"}}
            """).ToInboundChatMessage(ReceivedAt);

        Assert.Equal(InboundMessageKind.Event, inbound.Kind);
        Assert.Equal("enter_chat", inbound.EventName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), inbound.CreatedAt);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("voice")]
    [InlineData("somethingnew")]
    public void Parse_OtherMsgType_IsRepresentedAsOther(string msgType)
    {
        var inbound = Parse($$"""{"msgid":"m4","from":{"userid":"u"},"msgtype":"{{msgType}}","chattype":"channel"}""")
            .ToInboundChatMessage(ReceivedAt);

        Assert.Equal(InboundMessageKind.Other, inbound.Kind);
        Assert.Equal(msgType, inbound.MessageType);
        Assert.Null(inbound.Text);
    }

    [Theory]
    [InlineData("""{"from":{"userid":"u"},"msgtype":"text"}""")]
    [InlineData("""{"msgid":"m","msgtype":"text"}""")]
    [InlineData("""{"msgid":"m","from":{},"msgtype":"text"}""")]
    [InlineData("""{"msgid":"m","from":{"userid":"u"}}""")]
    [InlineData("""{"msgid":"","from":{"userid":"u"},"msgtype":"text"}""")]
    public void Parse_RequiredFieldMissing_ReturnsMissingField(string json)
    {
        Assert.Equal(CallbackParseStatus.MissingField, BotMessage.Parse(json).Status);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"msgid\":1,\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\"}")]
    [InlineData("{\"msgid\":\"m\",\"from\":\"u\",\"msgtype\":\"text\"}")]
    [InlineData("{\"msgid\":\"m\",\"msgid\":\"n\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\"}")]
    [InlineData("{\"msgid\":\"m\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\",\"create_time\":-5}")]
    [InlineData("{\"msgid\":\"m\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\"")]
    [InlineData("<xml/>")]
    public void Parse_NotTheMessageShape_ReturnsMalformed(string json)
    {
        Assert.Equal(CallbackParseStatus.Malformed, BotMessage.Parse(json).Status);
    }

    [Fact]
    public void Parse_Nested1000Deep_ReturnsMalformed()
    {
        var json = "{\"msgid\":\"m\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\",\"x\":"
            + HostilePayloads.NestedJsonObjects(1000) + "}";

        Assert.Equal(CallbackParseStatus.Malformed, BotMessage.Parse(json).Status);
    }

    [Fact]
    public void Parse_Empty_ReturnsEmpty()
    {
        Assert.Equal(CallbackParseStatus.Empty, BotMessage.Parse("").Status);
    }

    [Fact]
    public void Parse_Over64KiB_ReturnsTooLarge()
    {
        var json = "{\"msgid\":\"m\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\",\"text\":{\"content\":\""
            + new string('字', CallbackEnvelope.MaxBodyBytes) + "\"}}";

        Assert.Equal(CallbackParseStatus.TooLarge, BotMessage.Parse(json).Status);
    }

    [Property]
    public Property Parse_MutatedOrRandomText_ReturnsAValueWithoutThrowing() =>
        Prop.ForAll(HostileGen.TextNear(MutationSample).ToArbitrary(), text =>
        {
            var result = BotMessage.Parse(text);
            return result.IsOk == (result.Value is not null);
        });

    private static BotMessage Parse(string json)
    {
        var result = BotMessage.Parse(json);
        Assert.True(result.IsOk, $"Expected Ok, got {result.Status}");
        return result.Value;
    }
}

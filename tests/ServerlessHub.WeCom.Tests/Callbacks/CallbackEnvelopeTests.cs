using System.Text;

namespace ServerlessHub.WeCom.Callbacks;

public class CallbackEnvelopeTests
{
    [Fact]
    public void ParseAppXml_PublishedBody_ReadsAllThreeFields()
    {
        var result = CallbackEnvelope.ParseAppXml(Encoding.UTF8.GetBytes(PublishedVectors.AppBody));

        Assert.True(result.IsOk);
        Assert.Equal(new CallbackEnvelope(PublishedVectors.AppEncrypt, PublishedVectors.CorpId, "218"), result.Value);
    }

    [Fact]
    public void ParseAppXml_WhitespaceBomAndUnknownElements_AreTolerated()
    {
        var body = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xml>\n  <Extra><Inner>1</Inner></Extra>\n  <Encrypt>abc</Encrypt>\n</xml>\n";

        var result = CallbackEnvelope.ParseAppXml(Encoding.UTF8.GetBytes(body));

        Assert.Equal(new CallbackEnvelope("abc", null, null), result.Value);
    }

    [Fact]
    public void ParseAppXml_Empty_ReturnsEmpty()
    {
        Assert.Equal(CallbackParseStatus.Empty, CallbackEnvelope.ParseAppXml([]).Status);
    }

    [Fact]
    public void ParseAppXml_Over64KiB_ReturnsTooLarge()
    {
        var result = CallbackEnvelope.ParseAppXml(Encoding.UTF8.GetBytes(HostilePayloads.OversizedXml()));

        Assert.Equal(CallbackParseStatus.TooLarge, result.Status);
    }

    [Fact]
    public void ParseAppXml_ExternalEntity_ReturnsMalformedWithoutResolving()
    {
        Assert.Equal(CallbackParseStatus.Malformed, ParseApp(HostilePayloads.ExternalEntity));
    }

    [Fact]
    public void ParseAppXml_ExternalDtd_ReturnsMalformedWithoutFetching()
    {
        Assert.Equal(CallbackParseStatus.Malformed, ParseApp(HostilePayloads.ExternalDtd));
    }

    [Fact]
    public void ParseAppXml_ParameterEntity_ReturnsMalformed()
    {
        Assert.Equal(CallbackParseStatus.Malformed, ParseApp(HostilePayloads.ParameterEntity));
    }

    [Fact]
    public void ParseAppXml_BillionLaughs_ReturnsMalformedWithoutExpanding()
    {
        // DtdProcessing.Prohibit stops at the DOCTYPE: the entities are never defined, let alone expanded.
        Assert.Equal(CallbackParseStatus.Malformed, ParseApp(HostilePayloads.BillionLaughs()));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("{\"encrypt\":\"abc\"}")]
    [InlineData("<xml><Encrypt>abc</Encrypt>")]
    [InlineData("<notxml><Encrypt>abc</Encrypt></notxml>")]
    [InlineData("<xml><Encrypt>abc</Encrypt></xml><xml/>")]
    [InlineData("<xml><Encrypt>abc</Encrypt></xml>trailing")]
    [InlineData("<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>")]
    [InlineData("<xml><Encrypt><b>nested</b></Encrypt></xml>")]
    [InlineData("<xml><Encrypt>&unknown;</Encrypt></xml>")]
    public void ParseAppXml_NotTheEnvelopeShape_ReturnsMalformed(string body)
    {
        Assert.Equal(CallbackParseStatus.Malformed, ParseApp(body));
    }

    [Fact]
    public void ParseAppXml_InvalidUtf8_ReturnsMalformed()
    {
        byte[] body = [.. "<xml><Encrypt>"u8, 0xC3, 0x28, .. "</Encrypt></xml>"u8];

        Assert.Equal(CallbackParseStatus.Malformed, CallbackEnvelope.ParseAppXml(body).Status);
    }

    [Theory]
    [InlineData("<xml><ToUserName>wx</ToUserName></xml>")]
    [InlineData("<xml/>")]
    public void ParseAppXml_NoEncrypt_ReturnsMissingField(string body)
    {
        Assert.Equal(CallbackParseStatus.MissingField, ParseApp(body));
    }

    [Fact]
    public void ParseBotJson_PublishedBody_ReadsEncrypt()
    {
        var result = CallbackEnvelope.ParseBotJson(Encoding.UTF8.GetBytes(PublishedVectors.BotBody));

        Assert.Equal(new CallbackEnvelope(PublishedVectors.BotEncrypt, null, null), result.Value);
    }

    [Fact]
    public void ParseBotJson_UnknownPropertiesAndWhitespace_AreSkipped()
    {
        var result = ParseBot(" { \"x\": {\"y\": [1, 2, {\"z\": null}]}, \"encrypt\": \"abc\", \"n\": 1 } ");

        Assert.Equal("abc", result.Value?.Encrypt);
    }

    [Fact]
    public void ParseBotJson_Empty_ReturnsEmpty()
    {
        Assert.Equal(CallbackParseStatus.Empty, CallbackEnvelope.ParseBotJson([]).Status);
    }

    [Fact]
    public void ParseBotJson_Over64KiB_ReturnsTooLarge()
    {
        var body = "{\"encrypt\":\"" + new string('A', CallbackEnvelope.MaxBodyBytes) + "\"}";

        Assert.Equal(CallbackParseStatus.TooLarge, ParseBot(body).Status);
    }

    [Fact]
    public void ParseBotJson_ObjectsNested1000Deep_ReturnsMalformed()
    {
        Assert.Equal(CallbackParseStatus.Malformed, ParseBot(HostilePayloads.NestedJsonObjects(1000)).Status);
    }

    [Fact]
    public void ParseBotJson_ArraysNested1000Deep_ReturnsMalformed()
    {
        Assert.Equal(CallbackParseStatus.Malformed, ParseBot(HostilePayloads.NestedJsonArrays(1000)).Status);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"encrypt\":\"abc\"}]")]
    [InlineData("\"abc\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    public void ParseBotJson_NotAnObject_ReturnsMalformed(string body)
    {
        Assert.Equal(CallbackParseStatus.Malformed, ParseBot(body).Status);
    }

    [Theory]
    [InlineData("<xml><Encrypt>abc</Encrypt></xml>")]
    [InlineData("{\"encrypt\":\"abc\"")]
    [InlineData("{\"encrypt\":\"abc\"} {}")]
    [InlineData("{\"encrypt\":\"abc\",}")]
    [InlineData("{\"encrypt\":1}")]
    [InlineData("{\"encrypt\":null}")]
    [InlineData("{\"encrypt\":\"a\",\"encrypt\":\"b\"}")]
    [InlineData("{/*c*/\"encrypt\":\"abc\"}")]
    public void ParseBotJson_NotTheEnvelopeShape_ReturnsMalformed(string body)
    {
        Assert.Equal(CallbackParseStatus.Malformed, ParseBot(body).Status);
    }

    [Fact]
    public void ParseBotJson_InvalidUtf8InString_ReturnsMalformed()
    {
        byte[] body = [.. "{\"encrypt\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Equal(CallbackParseStatus.Malformed, CallbackEnvelope.ParseBotJson(body).Status);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Encrypt\":\"abc\"}")]
    public void ParseBotJson_NoEncrypt_ReturnsMissingField(string body)
    {
        Assert.Equal(CallbackParseStatus.MissingField, ParseBot(body).Status);
    }

    private static CallbackParseStatus ParseApp(string body) => CallbackEnvelope.ParseAppXml(Encoding.UTF8.GetBytes(body)).Status;

    private static CallbackParseResult<CallbackEnvelope> ParseBot(string body) => CallbackEnvelope.ParseBotJson(Encoding.UTF8.GetBytes(body));
}

using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace ServerlessHub.WeCom.Callbacks;

public class WeComCallbackCryptoTests
{
    [Fact]
    public void Constructor_EmptyToken_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>("token", () => new WeComCallbackCrypto(" ", PublishedVectors.EncodingAesKey, ""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2CC")]
    public void Constructor_KeyNot43Characters_ThrowsWithoutEchoingKey(string key)
    {
        var error = Assert.Throws<ArgumentException>("encodingAesKey", () => new WeComCallbackCrypto("t", key, ""));
        Assert.DoesNotContain("jWmYm7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_KeyNotBase64_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>("encodingAesKey", () => new WeComCallbackCrypto("t", new string('!', 43), ""));
    }

    [Fact]
    public void Constructor_NullReceiveId_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("receiveId", () => new WeComCallbackCrypto("t", PublishedVectors.EncodingAesKey, null!));
    }

    [Fact]
    public void ComputeSignature_PublishedAppMessage_MatchesMsgSignature()
    {
        var signature = PublishedVectors.AppCrypto()
            .ComputeSignature(PublishedVectors.AppTimestamp, PublishedVectors.AppNonce, PublishedVectors.AppEncrypt);

        Assert.Equal(PublishedVectors.AppSignature, signature);
    }

    [Fact]
    public void ComputeSignature_PublishedUrlVerification_MatchesMsgSignature()
    {
        var signature = PublishedVectors.AppCrypto().ComputeSignature(
            PublishedVectors.UrlTimestamp, PublishedVectors.UrlNonce, Uri.UnescapeDataString(PublishedVectors.UrlEchoStringOnWire));

        Assert.Equal(PublishedVectors.UrlSignature, signature);
    }

    [Fact]
    public void ComputeSignature_PublishedBotMessage_MatchesMsgSignature()
    {
        var signature = PublishedVectors.BotCrypto()
            .ComputeSignature(PublishedVectors.BotTimestamp, PublishedVectors.BotNonce, PublishedVectors.BotEncrypt);

        Assert.Equal(PublishedVectors.BotSignature, signature);
    }

    [Fact]
    public void VerifySignature_UppercaseHex_IsAccepted()
    {
        Assert.True(PublishedVectors.AppCrypto().VerifySignature(
            PublishedVectors.AppSignature.ToUpperInvariant(), PublishedVectors.AppTimestamp, PublishedVectors.AppNonce, PublishedVectors.AppEncrypt));
    }

    [Fact]
    public void VerifyUrl_PublishedVector_ReturnsExactlyTheEchoPlaintext()
    {
        var result = PublishedVectors.AppCrypto().VerifyUrl(
            PublishedVectors.UrlSignature,
            PublishedVectors.UrlTimestamp,
            PublishedVectors.UrlNonce,
            Uri.UnescapeDataString(PublishedVectors.UrlEchoStringOnWire));

        Assert.Equal(CallbackDecryptStatus.Ok, result.Status);
        Assert.Equal("1616140317555161061", result.Message);
    }

    [Fact]
    public void Decrypt_PublishedAppMessage_ReturnsThe284ByteXml()
    {
        var result = PublishedVectors.AppCrypto().Decrypt(
            PublishedVectors.AppSignature, PublishedVectors.AppTimestamp, PublishedVectors.AppNonce, PublishedVectors.AppEncrypt);

        Assert.True(result.IsOk);
        Assert.Equal(284, Encoding.UTF8.GetByteCount(result.Message));
        Assert.StartsWith("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_PublishedAppMessage_PlaintextHasPad30AndLength284()
    {
        Assert.Equal(30, RawCipher.PadOf(PublishedVectors.AppEncrypt));
        Assert.Equal(284u, RawCipher.LengthFieldOf(PublishedVectors.AppEncrypt));
    }

    [Fact]
    public void Decrypt_PublishedBotMessage_ReturnsJsonWithEmptyReceiveId()
    {
        var result = PublishedVectors.BotCrypto().Decrypt(
            PublishedVectors.BotSignature, PublishedVectors.BotTimestamp, PublishedVectors.BotNonce, PublishedVectors.BotEncrypt);

        Assert.True(result.IsOk);
        using var json = JsonDocument.Parse(result.Message);
        Assert.Equal("test", json.RootElement.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public void Decrypt_BotMessageAtAppEndpoint_ReturnsWrongReceiveId()
    {
        var result = PublishedVectors.AppCrypto().Decrypt(
            PublishedVectors.BotSignature, PublishedVectors.BotTimestamp, PublishedVectors.BotNonce, PublishedVectors.BotEncrypt);

        Assert.Equal(CallbackDecryptStatus.WrongReceiveId, result.Status);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Decrypt_AppMessageAtBotEndpoint_ReturnsWrongReceiveId()
    {
        var result = PublishedVectors.BotCrypto().Decrypt(
            PublishedVectors.AppSignature, PublishedVectors.AppTimestamp, PublishedVectors.AppNonce, PublishedVectors.AppEncrypt);

        Assert.Equal(CallbackDecryptStatus.WrongReceiveId, result.Status);
    }

    [Fact]
    public void Encrypt_WithThePublishedRandomPrefix_ReproducesThePublishedCiphertext()
    {
        var crypto = PublishedVectors.AppCrypto();
        var prefix = RawCipher.Open(PublishedVectors.AppEncrypt)[..16];
        var message = crypto.Decrypt(
            PublishedVectors.AppSignature, PublishedVectors.AppTimestamp, PublishedVectors.AppNonce, PublishedVectors.AppEncrypt).Message!;

        Assert.Equal(PublishedVectors.AppEncrypt, crypto.Encrypt(message, prefix));
    }

    [Fact]
    public void Encrypt_PrefixNot16Bytes_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>("randomPrefix", () => PublishedVectors.AppCrypto().Encrypt("x", new byte[15]));
    }

    [Fact]
    public void Encrypt_TwiceTheSameMessage_UsesFreshRandomness()
    {
        var crypto = PublishedVectors.AppCrypto();

        Assert.NotEqual(crypto.Encrypt("hello"), crypto.Encrypt("hello"));
    }

    [Fact]
    public void Encrypt_MessageLengths0To63_ProduceEveryPadValue1To32AndRoundTrip()
    {
        var crypto = PublishedVectors.AppCrypto();
        var pads = new HashSet<int>();
        for (var length = 0; length < 64; length++)
        {
            var message = new string('x', length);
            var encrypted = crypto.Encrypt(message);
            pads.Add(RawCipher.PadOf(encrypted));

            var result = crypto.Decrypt(crypto.ComputeSignature("1", "2", encrypted), "1", "2", encrypted);
            Assert.Equal(message, result.Message);
        }

        Assert.Equal(Enumerable.Range(1, 32), pads.Order());
    }

    [Fact]
    public void CreateReply_AppXml_CarriesAVerifiableSignedCiphertext()
    {
        var crypto = PublishedVectors.AppCrypto();
        var reply = crypto.CreateReply("<xml><Content><![CDATA[收到]]></Content></xml>", DateTimeOffset.FromUnixTimeSeconds(1409659813), "n]]>1");

        var xml = XElement.Parse(reply.ToAppXml());

        Assert.Equal("xml", xml.Name.LocalName);
        Assert.Equal(["Encrypt", "MsgSignature", "TimeStamp", "Nonce"], xml.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("1409659813", (string?)xml.Element("TimeStamp"));
        Assert.Equal("n]]>1", (string?)xml.Element("Nonce"));
        var opened = crypto.Decrypt((string?)xml.Element("MsgSignature"), "1409659813", "n]]>1", (string?)xml.Element("Encrypt"));
        Assert.Equal("<xml><Content><![CDATA[收到]]></Content></xml>", opened.Message);
    }

    [Fact]
    public void CreateReply_BotJson_CarriesFourStringsThatVerify()
    {
        var crypto = PublishedVectors.BotCrypto();
        var reply = crypto.CreateReply("{\"msgtype\":\"text\"}", DateTimeOffset.FromUnixTimeSeconds(1409659813), "1372623149");

        using var json = JsonDocument.Parse(reply.ToBotJson());
        var root = json.RootElement;

        Assert.Equal(["encrypt", "msgsignature", "timestamp", "nonce"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1409659813", root.GetProperty("timestamp").GetString());
        var opened = crypto.Decrypt(
            root.GetProperty("msgsignature").GetString(),
            root.GetProperty("timestamp").GetString(),
            root.GetProperty("nonce").GetString(),
            root.GetProperty("encrypt").GetString());
        Assert.Equal("{\"msgtype\":\"text\"}", opened.Message);
    }
}

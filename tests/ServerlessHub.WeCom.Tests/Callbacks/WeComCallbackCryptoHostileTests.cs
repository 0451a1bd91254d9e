using System.Text;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>Ciphertexts an attacker (or a broken peer) could send; each must map to its status, never throw.</summary>
public class WeComCallbackCryptoHostileTests
{
    private const string Timestamp = "1409659813";
    private const string Nonce = "1372623149";

    private static readonly byte[] CorpId = Encoding.UTF8.GetBytes(PublishedVectors.CorpId);

    private readonly WeComCallbackCrypto _crypto = PublishedVectors.AppCrypto();

    [Theory]
    [InlineData("477715d11cdb4164915debcba66cb864d751f3e7")]
    [InlineData("477715d11cdb4164915debcba66cb864d751f3e")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("４77715d11cdb4164915debcba66cb864d751f3e6")]
    public void Decrypt_WrongSignature_ReturnsBadSignature(string? signature)
    {
        var result = _crypto.Decrypt(signature, PublishedVectors.AppTimestamp, PublishedVectors.AppNonce, PublishedVectors.AppEncrypt);

        Assert.Equal(CallbackDecryptStatus.BadSignature, result.Status);
        Assert.False(result.IsOk);
    }

    [Fact]
    public void Decrypt_SignatureForAnotherTimestamp_ReturnsBadSignature()
    {
        var result = _crypto.Decrypt(PublishedVectors.AppSignature, "1409659814", PublishedVectors.AppNonce, PublishedVectors.AppEncrypt);

        Assert.Equal(CallbackDecryptStatus.BadSignature, result.Status);
    }

    [Fact]
    public void Decrypt_SignatureByAnotherToken_ReturnsBadSignature()
    {
        var other = new WeComCallbackCrypto("other", PublishedVectors.EncodingAesKey, PublishedVectors.CorpId);
        var signature = other.ComputeSignature(Timestamp, Nonce, PublishedVectors.AppEncrypt);

        Assert.Equal(CallbackDecryptStatus.BadSignature, _crypto.Decrypt(signature, Timestamp, Nonce, PublishedVectors.AppEncrypt).Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decrypt_Base64TruncatedMidQuantum_ReturnsMalformedBase64(int dropped)
    {
        var truncated = PublishedVectors.AppEncrypt[..^dropped];

        Assert.Equal(CallbackDecryptStatus.MalformedBase64, SignedDecrypt(truncated));
    }

    [Fact]
    public void Decrypt_NotBase64_ReturnsMalformedBase64()
    {
        Assert.Equal(CallbackDecryptStatus.MalformedBase64, SignedDecrypt("<xml>not base64</xml>"));
    }

    [Fact]
    public void Decrypt_Base64TruncatedToPartialBlock_ReturnsBadCiphertextLength()
    {
        Assert.Equal(CallbackDecryptStatus.BadCiphertextLength, SignedDecrypt(PublishedVectors.AppEncrypt[..^4]));
    }

    [Fact]
    public void Decrypt_EmptyCiphertext_ReturnsBadCiphertextLength()
    {
        Assert.Equal(CallbackDecryptStatus.BadCiphertextLength, SignedDecrypt(""));
    }

    [Fact]
    public void Decrypt_MissingCiphertextSignedAsEmpty_ReturnsBadCiphertextLength()
    {
        Assert.Equal(CallbackDecryptStatus.BadCiphertextLength, _crypto.Decrypt(Sign(""), Timestamp, Nonce, null).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void Decrypt_PadValueOutOfRange_ReturnsBadPadding(byte pad)
    {
        var plaintext = RawCipher.Plaintext(5, "hello"u8.ToArray(), CorpId, []);
        var padded = plaintext.Concat(Enumerable.Repeat(pad, 64 - plaintext.Length)).ToArray();

        Assert.Equal(CallbackDecryptStatus.BadPadding, SignedDecrypt(RawCipher.Seal(padded)));
    }

    [Fact]
    public void Decrypt_PadBytesInconsistent_ReturnsBadPadding()
    {
        var plaintext = RawCipher.Plaintext(5, "hello"u8.ToArray(), CorpId, RawCipher.Pkcs7(43));
        plaintext[^2] ^= 0x01;

        Assert.Equal(CallbackDecryptStatus.BadPadding, SignedDecrypt(RawCipher.Seal(plaintext)));
    }

    [Fact]
    public void Decrypt_PadOf32OverOneBlock_ReturnsBadLength()
    {
        var plaintext = Enumerable.Repeat((byte)32, 32).ToArray();

        Assert.Equal(CallbackDecryptStatus.BadLength, SignedDecrypt(RawCipher.Seal(plaintext)));
    }

    [Theory]
    [InlineData(24u)]
    [InlineData(1_000_000u)]
    [InlineData(uint.MaxValue)]
    public void Decrypt_LengthFieldLargerThanBuffer_ReturnsBadLength(uint lengthField)
    {
        var plaintext = RawCipher.Plaintext(lengthField, "hello"u8.ToArray(), CorpId, RawCipher.Pkcs7(43));

        Assert.Equal(CallbackDecryptStatus.BadLength, SignedDecrypt(RawCipher.Seal(plaintext)));
    }

    [Fact]
    public void Decrypt_LengthFieldShorterThanMessage_ReturnsWrongReceiveId()
    {
        // The surplus message bytes land in the receive id, which then no longer matches.
        var plaintext = RawCipher.Plaintext(4, "hello"u8.ToArray(), CorpId, RawCipher.Pkcs7(43));

        Assert.Equal(CallbackDecryptStatus.WrongReceiveId, SignedDecrypt(RawCipher.Seal(plaintext)));
    }

    [Theory]
    [InlineData("wx5823bf96d3bd56c8")]
    [InlineData("wx5823bf96d3bd56c")]
    [InlineData("")]
    public void Decrypt_WrongReceiveId_ReturnsWrongReceiveId(string receiveId)
    {
        var sender = new WeComCallbackCrypto(PublishedVectors.Token, PublishedVectors.EncodingAesKey, receiveId);

        Assert.Equal(CallbackDecryptStatus.WrongReceiveId, SignedDecrypt(sender.Encrypt("<xml/>")));
    }

    [Fact]
    public void Decrypt_MessageNotUtf8_ReturnsMalformedText()
    {
        byte[] message = [0x3C, 0xFF, 0xFE, 0x3E];
        var plaintext = RawCipher.Plaintext(4, message, CorpId, RawCipher.Pkcs7(42));

        Assert.Equal(CallbackDecryptStatus.MalformedText, SignedDecrypt(RawCipher.Seal(plaintext)));
    }

    [Fact]
    public void Decrypt_ForgedPlaintextThatIsWellFormed_IsAccepted()
    {
        // Control for the forgeries above: the same construction with honest fields decrypts.
        var plaintext = RawCipher.Plaintext(5, "hello"u8.ToArray(), CorpId, RawCipher.Pkcs7(43));

        var result = _crypto.Decrypt(Sign(RawCipher.Seal(plaintext)), Timestamp, Nonce, RawCipher.Seal(plaintext));

        Assert.Equal("hello", result.Message);
    }

    private CallbackDecryptStatus SignedDecrypt(string encrypted) =>
        _crypto.Decrypt(Sign(encrypted), Timestamp, Nonce, encrypted).Status;

    private string Sign(string encrypted) => _crypto.ComputeSignature(Timestamp, Nonce, encrypted);
}

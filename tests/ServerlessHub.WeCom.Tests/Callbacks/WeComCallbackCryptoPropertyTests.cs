using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ServerlessHub.WeCom.Callbacks;

public class WeComCallbackCryptoPropertyTests
{
    private static readonly WeComCallbackCrypto AppCrypto = PublishedVectors.AppCrypto();
    private static readonly WeComCallbackCrypto BotCrypto = PublishedVectors.BotCrypto();

    [Property]
    public Property EncryptThenDecrypt_AnyUtf8TextUpTo8KiB_ReturnsIt() =>
        Prop.ForAll(Utf8Text().ToArbitrary(), text =>
            RoundTrips(AppCrypto, text) && RoundTrips(BotCrypto, text));

    [Property]
    public Property Decrypt_ArbitrarySignedBytes_RejectsWithoutThrowing() =>
        Prop.ForAll(ArbitraryCiphertext().ToArbitrary(), bytes =>
        {
            var encrypted = Convert.ToBase64String(bytes);
            var result = AppCrypto.Decrypt(AppCrypto.ComputeSignature("1", "2", encrypted), "1", "2", encrypted);
            // Random bytes pass padding, length and the 18-byte receive id check with negligible probability.
            return result.Status != CallbackDecryptStatus.BadSignature && !result.IsOk && result.Message is null;
        });

    private static bool RoundTrips(WeComCallbackCrypto crypto, string text)
    {
        var encrypted = crypto.Encrypt(text);
        var result = crypto.Decrypt(crypto.ComputeSignature("1409659813", "nonce", encrypted), "1409659813", "nonce", encrypted);
        return result.Status == CallbackDecryptStatus.Ok && result.Message == text;
    }

    /// <summary>Strings of Unicode scalar values (no lone surrogates), weighted to ASCII and CJK, at most 8 KiB of UTF-8.</summary>
    private static Gen<string> Utf8Text()
    {
        var scalar = Gen.Frequency(
            (4, Gen.Choose(0x20, 0x7E)),
            (4, Gen.Choose(0x4E00, 0x9FFF)),
            (1, Gen.Choose(0, 0x10FFFF).Where(value => value is < 0xD800 or > 0xDFFF)));
        return Gen.Choose(0, 2048)
            .SelectMany(count => scalar.ArrayOf(count))
            .Select(values => string.Concat(values.Select(value => new Rune(value).ToString())));
    }

    private static Gen<byte[]> ArbitraryCiphertext() =>
        Gen.Frequency(
            (3, Gen.Choose(1, 8).SelectMany(blocks => ArbitraryBytes(blocks * 16))),
            (1, Gen.Choose(0, 100).SelectMany(ArbitraryBytes)));

    private static Gen<byte[]> ArbitraryBytes(int count) =>
        Gen.Choose(0, 255).Select(value => (byte)value).ArrayOf(count);
}

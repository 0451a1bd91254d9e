using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>
/// The WeCom callback crypto (the WXBizMsgCrypt scheme): SHA1 signatures over token, timestamp, nonce and
/// ciphertext, and AES-256-CBC with a 32-byte PKCS#7 block over
/// <c>16 random bytes + 4-byte big-endian length + UTF-8 message + receive id</c>.
/// Immutable and thread-safe: one instance serves one callback endpoint.
/// </summary>
/// <remarks>
/// Sources: developer.work.weixin.qq.com document paths 91144 (加解密方案说明) and 101033 (AI bot).
/// Failures on request input are returned as <see cref="CallbackDecryptStatus"/> values and never thrown.
/// </remarks>
public sealed class WeComCallbackCrypto
{
    /// <summary>The length of an EncodingAESKey as WeCom issues it.</summary>
    public const int EncodingAesKeyLength = 43;

    /// <summary>The padding block size of the scheme: twice the AES block, so pad values run 1..32.</summary>
    public const int PaddingBlockSize = 32;

    private const int RandomPrefixLength = 16;
    private const int LengthFieldLength = 4;
    private const int HeaderLength = RandomPrefixLength + LengthFieldLength;
    private const int AesBlockSize = 16;
    private const int SignatureHexLength = 40;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _token;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _receiveId;

    /// <summary>Creates the crypto for one callback endpoint.</summary>
    /// <param name="token">The callback Token set in the WeCom admin console; not empty.</param>
    /// <param name="encodingAesKey">The 43-character EncodingAESKey from the admin console.</param>
    /// <param name="receiveId">The CorpID for a self-built app; the empty string for an AI bot (智能机器人).</param>
    /// <exception cref="ArgumentException">An argument is empty or malformed; the message never echoes the secret.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WeComCallbackCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        ArgumentNullException.ThrowIfNull(receiveId);
        if (encodingAesKey.Length != EncodingAesKeyLength)
        {
            throw new ArgumentException(
                $"The EncodingAESKey must be exactly {EncodingAesKeyLength} characters; got {encodingAesKey.Length}.",
                nameof(encodingAesKey));
        }

        var key = new byte[32];
        if (!Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) || written != key.Length)
        {
            throw new ArgumentException("The EncodingAESKey is not valid Base64 for a 32-byte key.", nameof(encodingAesKey));
        }

        _token = token;
        _key = key;
        _iv = key[..AesBlockSize];
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
    }

    /// <summary>
    /// Computes <c>msg_signature</c>: the lowercase hex SHA1 of token, timestamp, nonce and ciphertext,
    /// sorted ordinally and concatenated.
    /// </summary>
    /// <param name="timestamp">The <c>timestamp</c> query parameter, as received.</param>
    /// <param name="nonce">The <c>nonce</c> query parameter, as received.</param>
    /// <param name="encrypted">The ciphertext (Base64), as received.</param>
    public string ComputeSignature(string timestamp, string nonce, string encrypted)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(encrypted);
        return Convert.ToHexStringLower(SignatureHash(timestamp, nonce, encrypted));
    }

    /// <summary>Checks a <c>msg_signature</c> in constant time. Null or malformed signatures are simply false.</summary>
    /// <param name="signature">The <c>msg_signature</c> query parameter.</param>
    /// <param name="timestamp">The <c>timestamp</c> query parameter.</param>
    /// <param name="nonce">The <c>nonce</c> query parameter.</param>
    /// <param name="encrypted">The ciphertext the signature covers.</param>
    public bool VerifySignature(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        if (signature is null || signature.Length != SignatureHexLength)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[SignatureHexLength];
        if (Ascii.ToLower(signature, given, out _) != OperationStatus.Done)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureHexLength];
        var hex = Convert.ToHexStringLower(SignatureHash(timestamp ?? "", nonce ?? "", encrypted ?? ""));
        Ascii.FromUtf16(hex, expected, out _);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>
    /// Verifies the signature of a POSTed callback and decrypts its ciphertext (the <c>Encrypt</c> element of
    /// an app envelope or the <c>encrypt</c> property of an AI-bot envelope).
    /// </summary>
    /// <returns>The message, or the reason it was rejected. Never throws on hostile input.</returns>
    public CallbackDecryptResult Decrypt(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        // The signature is checked before any decryption: it is keyed by the secret token, so an attacker
        // cannot reach the padding and length checks with a forged ciphertext (no padding oracle).
        if (!VerifySignature(signature, timestamp, nonce, encrypted))
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.BadSignature);
        }

        return DecryptVerified(encrypted ?? "");
    }

    /// <summary>
    /// Answers WeCom's URL verification (the GET with <c>echostr</c>): verifies the signature over the
    /// URL-decoded echostr and decrypts it. The response body must be exactly the returned message,
    /// without quotes, BOM or newline, within one second.
    /// </summary>
    public CallbackDecryptResult VerifyUrl(string? signature, string? timestamp, string? nonce, string? echoString) =>
        Decrypt(signature, timestamp, nonce, echoString);

    /// <summary>Encrypts a reply with 16 fresh random bytes from <see cref="RandomNumberGenerator"/>.</summary>
    /// <param name="message">The plaintext reply (XML for apps, JSON for the AI bot).</param>
    /// <returns>The Base64 ciphertext.</returns>
    public string Encrypt(string message)
    {
        Span<byte> random = stackalloc byte[RandomPrefixLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, random);
    }

    /// <summary>Encrypts a reply with a caller-chosen 16-byte prefix; for deterministic tests only.</summary>
    /// <param name="message">The plaintext reply.</param>
    /// <param name="randomPrefix">Exactly 16 bytes placed before the length field.</param>
    /// <returns>The Base64 ciphertext.</returns>
    public string Encrypt(string message, ReadOnlySpan<byte> randomPrefix)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (randomPrefix.Length != RandomPrefixLength)
        {
            throw new ArgumentException($"The random prefix must be {RandomPrefixLength} bytes.", nameof(randomPrefix));
        }

        var messageLength = Encoding.UTF8.GetByteCount(message);
        var unpadded = HeaderLength + messageLength + _receiveId.Length;
        var pad = PaddingBlockSize - (unpadded % PaddingBlockSize);
        var plaintext = new byte[unpadded + pad];

        randomPrefix.CopyTo(plaintext);
        BinaryPrimitives.WriteInt32BigEndian(plaintext.AsSpan(RandomPrefixLength), messageLength);
        Encoding.UTF8.GetBytes(message, plaintext.AsSpan(HeaderLength));
        _receiveId.CopyTo(plaintext.AsSpan(HeaderLength + messageLength));
        plaintext.AsSpan(unpadded).Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plaintext, _iv, PaddingMode.None));
    }

    /// <summary>
    /// Encrypts and signs a passive reply. Render it with <see cref="CallbackReply.ToAppXml"/> for an app
    /// or <see cref="CallbackReply.ToBotJson"/> for the AI bot.
    /// </summary>
    /// <param name="message">The plaintext reply.</param>
    /// <param name="timestamp">The instant to sign, sent as Unix seconds.</param>
    /// <param name="nonce">A nonce; echoing the request's nonce is acceptable.</param>
    public CallbackReply CreateReply(string message, DateTimeOffset timestamp, string nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var encrypted = Encrypt(message);
        var unixSeconds = timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new CallbackReply(encrypted, ComputeSignature(unixSeconds, nonce, encrypted), unixSeconds, nonce);
    }

    private CallbackDecryptResult DecryptVerified(string encrypted)
    {
        var ciphertext = new byte[(encrypted.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(encrypted, ciphertext, out var cipherLength))
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.MalformedBase64);
        }

        if (cipherLength == 0 || cipherLength % AesBlockSize != 0)
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.BadCiphertextLength);
        }

        byte[] plaintext;
        using (var aes = CreateAes())
        {
            plaintext = aes.DecryptCbc(ciphertext.AsSpan(0, cipherLength), _iv, PaddingMode.None);
        }

        return Unpack(plaintext);
    }

    private CallbackDecryptResult Unpack(ReadOnlySpan<byte> plaintext)
    {
        int pad = plaintext[^1];
        if (pad is < 1 or > PaddingBlockSize || pad > plaintext.Length)
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.BadPadding);
        }

        if (plaintext[^pad..].ContainsAnyExcept((byte)pad))
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.BadPadding);
        }

        var content = plaintext[..^pad];
        if (content.Length < HeaderLength)
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.BadLength);
        }

        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(content[RandomPrefixLength..]);
        if (messageLength > (uint)(content.Length - HeaderLength))
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.BadLength);
        }

        var messageBytes = content.Slice(HeaderLength, (int)messageLength);
        var receiveId = content[(HeaderLength + (int)messageLength)..];
        if (!receiveId.SequenceEqual(_receiveId))
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.WrongReceiveId);
        }

        try
        {
            return CallbackDecryptResult.Success(StrictUtf8.GetString(messageBytes));
        }
        catch (DecoderFallbackException)
        {
            return CallbackDecryptResult.Failure(CallbackDecryptStatus.MalformedText);
        }
    }

    private byte[] SignatureHash(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [_token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // WeCom defines msg_signature as SHA1; the choice is the protocol's, not ours.
        return SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
#pragma warning restore CA5350
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>
/// Direct AES access with the published key, so tests can look inside ciphertexts and forge plaintexts that
/// the library itself would never produce (bad padding, lying length fields).
/// </summary>
internal static class RawCipher
{
    private static readonly byte[] Key = Convert.FromBase64String(PublishedVectors.EncodingAesKey + "=");

    public static byte[] Open(string encrypted)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypted), Key.AsSpan(0, 16), PaddingMode.None);
    }

    public static string Seal(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return Convert.ToBase64String(aes.EncryptCbc(plaintext, Key.AsSpan(0, 16), PaddingMode.None));
    }

    public static int PadOf(string encrypted) => Open(encrypted)[^1];

    public static uint LengthFieldOf(string encrypted) => BinaryPrimitives.ReadUInt32BigEndian(Open(encrypted).AsSpan(16));

    /// <summary>Builds <c>random(16) + length + message + receiveId</c>, then appends <paramref name="padding"/> as given.</summary>
    public static byte[] Plaintext(uint lengthField, byte[] message, byte[] receiveId, byte[] padding)
    {
        var plaintext = new byte[20 + message.Length + receiveId.Length + padding.Length];
        BinaryPrimitives.WriteUInt32BigEndian(plaintext.AsSpan(16), lengthField);
        message.CopyTo(plaintext, 20);
        receiveId.CopyTo(plaintext, 20 + message.Length);
        padding.CopyTo(plaintext, 20 + message.Length + receiveId.Length);
        return plaintext;
    }

    public static byte[] Pkcs7(int unpaddedLength)
    {
        var pad = 32 - (unpaddedLength % 32);
        return Enumerable.Repeat((byte)pad, pad).ToArray();
    }
}

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>
/// The outcome of verifying and decrypting a WeCom callback ciphertext. Every value except
/// <see cref="Ok"/> describes input that must be answered with a 4xx status and never retried.
/// </summary>
public enum CallbackDecryptStatus
{
    /// <summary>The signature matched and the plaintext was recovered.</summary>
    Ok,

    /// <summary>The <c>msg_signature</c> did not match token, timestamp, nonce and ciphertext.</summary>
    BadSignature,

    /// <summary>The ciphertext is not valid Base64.</summary>
    MalformedBase64,

    /// <summary>The decoded ciphertext is empty or not a whole number of AES blocks.</summary>
    BadCiphertextLength,

    /// <summary>The PKCS#7 padding (32-byte block, pad values 1..32) is inconsistent.</summary>
    BadPadding,

    /// <summary>The 4-byte message length disagrees with the size of the plaintext.</summary>
    BadLength,

    /// <summary>The trailing receive id is not the one this endpoint was configured with.</summary>
    WrongReceiveId,

    /// <summary>The message bytes are not valid UTF-8.</summary>
    MalformedText,
}

using System.Diagnostics.CodeAnalysis;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>The result of <see cref="WeComCallbackCrypto.Decrypt"/> and <see cref="WeComCallbackCrypto.VerifyUrl"/>.</summary>
/// <param name="Status">What happened; anything but <see cref="CallbackDecryptStatus.Ok"/> is a rejection.</param>
/// <param name="Message">The decrypted message when <paramref name="Status"/> is <see cref="CallbackDecryptStatus.Ok"/>, otherwise null.</param>
public sealed record CallbackDecryptResult(CallbackDecryptStatus Status, string? Message)
{
    /// <summary>True when the ciphertext was authentic and decrypted; <see cref="Message"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    public bool IsOk => Status == CallbackDecryptStatus.Ok;

    internal static CallbackDecryptResult Success(string message) => new(CallbackDecryptStatus.Ok, message);

    internal static CallbackDecryptResult Failure(CallbackDecryptStatus status) => new(status, null);
}

using System.Diagnostics.CodeAnalysis;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>The result of parsing callback input.</summary>
/// <typeparam name="T">What was parsed.</typeparam>
/// <param name="Status">What happened; anything but <see cref="CallbackParseStatus.Ok"/> is a rejection.</param>
/// <param name="Value">The parsed value when <paramref name="Status"/> is <see cref="CallbackParseStatus.Ok"/>, otherwise null.</param>
public sealed record CallbackParseResult<T>(CallbackParseStatus Status, T? Value)
    where T : class
{
    /// <summary>True when the input was parsed; <see cref="Value"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => Status == CallbackParseStatus.Ok;

    internal static CallbackParseResult<T> Success(T value) => new(CallbackParseStatus.Ok, value);

    internal static CallbackParseResult<T> Failure(CallbackParseStatus status) => new(status, null);
}

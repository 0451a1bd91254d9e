namespace ServerlessHub.WeCom.Callbacks;

/// <summary>
/// The outcome of parsing a callback envelope or a decrypted message. Every value except <see cref="Ok"/>
/// describes input that must be answered with a 4xx status and never retried.
/// </summary>
public enum CallbackParseStatus
{
    /// <summary>The input was parsed.</summary>
    Ok,

    /// <summary>The input was empty.</summary>
    Empty,

    /// <summary>The input exceeded <see cref="CallbackEnvelope.MaxBodyBytes"/>.</summary>
    TooLarge,

    /// <summary>
    /// The input is not well-formed, not UTF-8, has the wrong shape, repeats a field, nests too deeply, or
    /// declares a DTD (prohibited, so entities are never expanded).
    /// </summary>
    Malformed,

    /// <summary>The input is well-formed but lacks a field the protocol requires.</summary>
    MissingField,
}

using System.Text.Json;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>
/// The outer, unencrypted part of a POSTed callback: the ciphertext and, for apps, the addressing fields.
/// App callbacks are XML <c>&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;AgentID/&gt;&lt;/xml&gt;</c>;
/// AI-bot callbacks are JSON <c>{"encrypt": "…"}</c> (document path 101033).
/// </summary>
/// <param name="Encrypt">The Base64 ciphertext, to pass to <see cref="WeComCallbackCrypto.Decrypt"/>.</param>
/// <param name="ToUserName">The CorpID the app callback is addressed to; null for the AI bot.</param>
/// <param name="AgentId">The app's AgentID; null for the AI bot or when absent.</param>
public sealed record CallbackEnvelope(string Encrypt, string? ToUserName, string? AgentId)
{
    /// <summary>
    /// The largest body accepted, 64 KiB. WeCom's callbacks are a few KiB; the HTTP edge should stop reading at
    /// this size too.
    /// </summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int MaxJsonDepth = 8;

    private static readonly HashSet<string> AppFields = new(StringComparer.Ordinal) { "ToUserName", "Encrypt", "AgentID" };

    /// <summary>Parses an app callback body (XML). Never throws on hostile input.</summary>
    /// <param name="body">The raw HTTP body.</param>
    public static CallbackParseResult<CallbackEnvelope> ParseAppXml(ReadOnlySpan<byte> body)
    {
        if (CheckSize(body) is { } sizeFailure)
        {
            return CallbackParseResult<CallbackEnvelope>.Failure(sizeFailure);
        }

        var status = FlatXml.Read(body, AppFields, out var fields);
        if (status != CallbackParseStatus.Ok)
        {
            return CallbackParseResult<CallbackEnvelope>.Failure(status);
        }

        if (!fields.TryGetValue("Encrypt", out var encrypt))
        {
            return CallbackParseResult<CallbackEnvelope>.Failure(CallbackParseStatus.MissingField);
        }

        return CallbackParseResult<CallbackEnvelope>.Success(
            new CallbackEnvelope(encrypt, fields.GetValueOrDefault("ToUserName"), fields.GetValueOrDefault("AgentID")));
    }

    /// <summary>Parses an AI-bot callback body (JSON object with <c>encrypt</c>). Never throws on hostile input.</summary>
    /// <param name="body">The raw HTTP body.</param>
    public static CallbackParseResult<CallbackEnvelope> ParseBotJson(ReadOnlySpan<byte> body)
    {
        if (CheckSize(body) is { } sizeFailure)
        {
            return CallbackParseResult<CallbackEnvelope>.Failure(sizeFailure);
        }

        try
        {
            var encrypt = ReadEncryptProperty(body, out var malformed);
            if (malformed)
            {
                return CallbackParseResult<CallbackEnvelope>.Failure(CallbackParseStatus.Malformed);
            }

            return encrypt is null
                ? CallbackParseResult<CallbackEnvelope>.Failure(CallbackParseStatus.MissingField)
                : CallbackParseResult<CallbackEnvelope>.Success(new CallbackEnvelope(encrypt, null, null));
        }
        catch (JsonException)
        {
            return CallbackParseResult<CallbackEnvelope>.Failure(CallbackParseStatus.Malformed);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString reports a string that is not valid UTF-8 this way.
            return CallbackParseResult<CallbackEnvelope>.Failure(CallbackParseStatus.Malformed);
        }
    }

    private static CallbackParseStatus? CheckSize(ReadOnlySpan<byte> body) => body.Length switch
    {
        0 => CallbackParseStatus.Empty,
        > MaxBodyBytes => CallbackParseStatus.TooLarge,
        _ => null,
    };

    private static string? ReadEncryptProperty(ReadOnlySpan<byte> body, out bool malformed)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
        malformed = !reader.Read() || reader.TokenType != JsonTokenType.StartObject;
        string? encrypt = null;
        while (!malformed && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEncrypt = reader.ValueTextEquals("encrypt"u8);
            reader.Read();
            if (!isEncrypt)
            {
                reader.Skip();
            }
            else if (encrypt is not null || reader.TokenType != JsonTokenType.String)
            {
                malformed = true;
            }
            else
            {
                encrypt = reader.GetString();
            }
        }

        // Reading once past the closing brace makes the reader reject trailing content.
        if (!malformed && (reader.TokenType != JsonTokenType.EndObject || reader.Read()))
        {
            malformed = true;
        }

        return malformed ? null : encrypt;
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>
/// The callback entry points against whatever a sender puts in the query and body: each answers with its own result
/// type, and the crypto's constructor refuses a bad configuration only with <see cref="ArgumentException"/>.
/// </summary>
public class CallbackEntryPointPropertyTests
{
    private static readonly WeComCallbackCrypto AppCrypto = PublishedVectors.AppCrypto();

    private static readonly IReadOnlySet<string> AppFields = new HashSet<string>(StringComparer.Ordinal) { "ToUserName", "Encrypt", "AgentID" };

    // Arbitrary strings (lone surrogates and controls included) or null, as a query string can leave them.
    private static readonly Arbitrary<string?[]> QueryValues = ArbMap.Default.GeneratorFor<string?>().ArrayOf(4).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Decrypt_AnyQueryValues_RejectsWithoutThrowing() =>
        Prop.ForAll(QueryValues, values =>
        {
            var result = AppCrypto.Decrypt(values[0], values[1], values[2], values[3]);
            return !result.IsOk && result.Message is null && Enum.IsDefined(result.Status);
        });

    [Property(MaxTest = 300)]
    public Property VerifyUrl_AnyQueryValues_RejectsWithoutThrowing() =>
        Prop.ForAll(QueryValues, values =>
        {
            var result = AppCrypto.VerifyUrl(values[0], values[1], values[2], values[3]);
            return !result.IsOk && result.Message is null && Enum.IsDefined(result.Status);
        });

    [Property]
    public bool Constructor_AnySettings_WorksOrThrowsArgumentException(string? token, string? key, string? receiveId)
    {
        try
        {
            _ = new WeComCallbackCrypto(token!, key!, receiveId!);
            return token is not null && key is { Length: WeComCallbackCrypto.EncodingAesKeyLength } && receiveId is not null;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    [Property(MaxTest = 300)]
    public Property FlatXmlRead_AnyText_ReturnsAStatus() =>
        Prop.ForAll(Gen.OneOf(HostileGen.TextNear(PublishedVectors.AppBody, HostilePayloads.ExternalEntity), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)).ToArbitrary(), text =>
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var status = FlatXml.Read(text, AppFields, fields);
            return Enum.IsDefined(status) && fields.Keys.All(AppFields.Contains);
        });
}

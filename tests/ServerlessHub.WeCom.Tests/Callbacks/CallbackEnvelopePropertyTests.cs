using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ServerlessHub.WeCom.Callbacks;

public class CallbackEnvelopePropertyTests
{
    [Property]
    public Property ParseAppXml_MutatedOrRandomBytes_ReturnsAValueWithoutThrowing() =>
        Prop.ForAll(
            HostileGen.Utf8Near(PublishedVectors.AppBody, HostilePayloads.ExternalEntity).ToArbitrary(),
            body => Consistent(CallbackEnvelope.ParseAppXml(body)));

    [Property]
    public Property ParseBotJson_MutatedOrRandomBytes_ReturnsAValueWithoutThrowing() =>
        Prop.ForAll(
            HostileGen.Utf8Near(PublishedVectors.BotBody, "{\"x\":[{\"y\":null}],\"encrypt\":\"a\"}").ToArbitrary(),
            body => Consistent(CallbackEnvelope.ParseBotJson(body)));

    private static bool Consistent(CallbackParseResult<CallbackEnvelope> result) =>
        result.IsOk == (result.Value is not null) && Enum.IsDefined(result.Status);
}

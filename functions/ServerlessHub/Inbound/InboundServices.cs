using Microsoft.Extensions.Options;
using ServerlessHub.Storage.Inbound;

namespace ServerlessHub.Inbound;

internal static class InboundServices
{
    public static IServiceCollection AddInbound(this IServiceCollection services)
    {
        services.AddOptions<InboundOptions>().BindConfiguration(InboundOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboundOptions>, InboundOptionsValidator>();
        services.AddSingleton<CallbackCryptos>();
        services.AddSingleton<CallbackServices>();
        services.AddSingleton<InboundReceiptStore>();
        services.AddSingleton<ConversationStore>();
        return services.AddSingleton<ChatProcessor>();
    }
}

using Microsoft.Extensions.Options;
using ServerlessHub.Storage.Outbound;

namespace ServerlessHub.Outbound;

public static class OutboundServices
{
    /// <summary>
    /// The <c>Outbound</c> queue function and the outbox. Settings: <c>Outbound:*</c> (<see cref="OutboundOptions"/>)
    /// and <c>WeCom:BaseUrl</c> / <c>WeCom:Timeout</c> (<see cref="WeComConnectionOptions"/>), validated at start.
    /// </summary>
    public static IServiceCollection AddOutbound(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>();
        services.AddSingleton<IValidateOptions<WeComConnectionOptions>, WeComConnectionOptionsValidator>();
        services.AddOptions<WeComConnectionOptions>().BindConfiguration(WeComConnectionOptions.Section)
            .Validate(o => o.BaseUrl.IsAbsoluteUri && o.BaseUrl.Scheme is "http" or "https", "WeCom:BaseUrl must be an absolute http or https URL.")
            .ValidateOnStart();

        services.AddSingleton<WeComClients>();
        services.AddSingleton<PartSender>();
        services.AddSingleton<DestinationResolver>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<SendReservationStore>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<MessageDelivery>();
        services.AddSingleton<OutboundQueues>();
        return services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, OutboxJsonContext.Default));
    }
}

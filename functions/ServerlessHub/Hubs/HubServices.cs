using ServerlessHub.Access;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

internal static class HubServices
{
    public static IServiceCollection AddHubs(this IServiceCollection services) => services
        .AddSingleton<HubStore>()
        .AddSingleton<ApiKeyStore>()
        .AddSingleton<ApiKeys>()
        .AddSingleton<HubCatalog>()
        .AddSingleton<HubDefinitions>()
        .AddSingleton<HubSecrets>();
}

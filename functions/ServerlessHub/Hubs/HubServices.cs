using ServerlessHub.Access;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Hubs;

/// <summary>The dependencies of the hub administration functions.</summary>
public sealed class HubAdministration(ApiKeys keys, HubDefinitions definitions, HubStore hubs, HubCatalog catalog, ApiKeyStore keyStore, TimeProvider time)
{
    public ApiKeys Keys { get; } = keys;

    public HubDefinitions Definitions { get; } = definitions;

    public HubStore Hubs { get; } = hubs;

    public HubCatalog Catalog { get; } = catalog;

    public ApiKeyStore KeyStore { get; } = keyStore;

    public TimeProvider Time { get; } = time;
}

internal static class HubServices
{
    /// <summary>
    /// The admin routes live under <c>/api/manage</c>, not <c>/api/admin</c>, which the Functions host reserves.
    /// </summary>
    public const string ManageRoute = "manage/hubs/{hubId}";

    public static IServiceCollection AddHubs(this IServiceCollection services) => services
        .AddSingleton<HubStore>()
        .AddSingleton<HubCatalog>()
        .AddSingleton<HubDefinitions>()
        .AddSingleton<HubSecrets>()
        .AddSingleton<HubAdministration>()
        .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, HubsJsonContext.Default));
}

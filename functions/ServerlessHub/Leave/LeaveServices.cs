using ServerlessHub.Access;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Leave;

namespace ServerlessHub.Leave;

/// <summary>The dependencies of the leave functions.</summary>
public sealed class LeaveServices(ApiKeys keys, HubCatalog hubs, LeaveStore store, TimeProvider time)
{
    public ApiKeys Keys { get; } = keys;

    public HubCatalog Hubs { get; } = hubs;

    public LeaveStore Store { get; } = store;

    public TimeProvider Time { get; } = time;
}

internal static class LeaveServiceRegistration
{
    public static IServiceCollection AddLeave(this IServiceCollection services) => services
        .AddSingleton<LeaveStore>()
        .AddSingleton<LeaveServices>()
        .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, LeaveJsonContext.Default));
}

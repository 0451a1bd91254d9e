using ServerlessHub.Runtime;

namespace ServerlessHub.Tick;

internal static class TickServices
{
    public static IServiceCollection AddTick(this IServiceCollection services) =>
        services.AddFunction<TickFunction>("Tick");
}

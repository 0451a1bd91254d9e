using ServerlessHub.Schedule;
using ServerlessHub.Storage.Digests;

namespace ServerlessHub.Digests;

internal static class DigestServices
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services
            .AddSingleton<DigestPostStore>()
            .AddSingleton<DigestBuilder>()
            .AddSingleton<DigestTemplateCheck>()
            .AddSingleton<LedgerClosing>()
            .AddSingleton<IScheduledWork>(sp => sp.GetRequiredService<LedgerClosing>())
            .AddSingleton<DigestPosting>()
            .AddSingleton<IScheduledWork>(sp => sp.GetRequiredService<DigestPosting>())
            .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DigestsJsonContext.Default));
        return services;
    }
}

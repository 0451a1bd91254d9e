using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

internal static class SubmissionServiceRegistration
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services) => services
        .AddSingleton<SubmissionStore>()
        .AddSingleton<SubmissionService>()
        .AddSingleton<AdHocPeriodStore>()
        .AddSingleton<SubmissionsServices>()
        .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SubmissionsJsonContext.Default));
}

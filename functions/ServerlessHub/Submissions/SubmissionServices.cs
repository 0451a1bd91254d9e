using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

internal static class SubmissionServiceRegistration
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services) => services
        .AddSingleton<SubmissionStore>()
        .AddSingleton<SubmissionService>()
        .AddSingleton<LeaveStore>()
        .AddSingleton<SubmissionsServices>()
        .AddSingleton<AdHocPeriodStore>();
}

using ServerlessHub.Access;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Leave;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Submissions;

/// <summary>The dependencies of the submission functions.</summary>
public sealed class SubmissionsServices(ApiKeys keys, HubCatalog hubs, SubmissionService submissions, SubmissionStore store, LeaveStore leave, AdHocPeriodStore adHocPeriods, TimeProvider time)
{
    public ApiKeys Keys { get; } = keys;

    public HubCatalog Hubs { get; } = hubs;

    public SubmissionService Submissions { get; } = submissions;

    public SubmissionStore Store { get; } = store;

    public LeaveStore Leave { get; } = leave;

    public AdHocPeriodStore AdHocPeriods { get; } = adHocPeriods;

    public TimeProvider Time { get; } = time;
}

internal static class SubmissionServiceRegistration
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services) => services
        .AddSingleton<SubmissionStore>()
        .AddSingleton<Storage.Digests.SubmissionLedgerStore>()
        .AddSingleton<SubmissionService>()
        .AddSingleton<AdHocPeriodStore>()
        .AddSingleton<SubmissionsServices>()
        .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SubmissionsJsonContext.Default));
}

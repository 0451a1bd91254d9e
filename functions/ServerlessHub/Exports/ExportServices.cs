using ServerlessHub.Access;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Exports;

/// <summary>The dependencies of the export functions.</summary>
public sealed class ExportServices(ApiKeys keys, HubCatalog hubs, SubmissionStore store, AdHocPeriodStore adHocPeriods, TimeProvider time)
{
    public ApiKeys Keys { get; } = keys;

    public HubCatalog Hubs { get; } = hubs;

    public SubmissionStore Store { get; } = store;

    public AdHocPeriodStore AdHocPeriods { get; } = adHocPeriods;

    public TimeProvider Time { get; } = time;
}

internal static class ExportServiceRegistration
{
    /// <summary>The export functions' dependencies; the stores they read are the submission feature's (<c>AddSubmissions</c>).</summary>
    public static IServiceCollection AddExports(this IServiceCollection services) => services.AddSingleton<ExportServices>();
}

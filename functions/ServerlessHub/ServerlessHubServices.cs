using System.Text.Json.Serialization;
using ServerlessHub.Access;
using ServerlessHub.Digests;
using ServerlessHub.Exports;
using ServerlessHub.Health;
using ServerlessHub.Hosting;
using ServerlessHub.Hubs;
using ServerlessHub.Inbound;
using ServerlessHub.Leave;
using ServerlessHub.Outbound;
using ServerlessHub.Poison;
using ServerlessHub.Reminders;
using ServerlessHub.Replies;
using ServerlessHub.Retention;
using ServerlessHub.Schedule;
using ServerlessHub.Storage;
using ServerlessHub.Submissions;

namespace ServerlessHub;

/// <summary>
/// The product's services, registered by one method that both hosts call: the worker's <c>Program</c> under Azure
/// Functions and the local host on one machine, so the two cannot register different services.
/// </summary>
public static class ServerlessHubServices
{
    /// <summary>The setting that names the storage account, as in every Functions app.</summary>
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>
    /// The account named by <see cref="StorageSetting"/>, a connection string or identity-based settings
    /// (<see cref="StorageConnection"/>); Azurite on its default ports when it is not set.
    /// </summary>
    public static StorageAccount StorageAccountFrom(IConfiguration configuration) => StorageConnection.AccountFrom(configuration);

    public static IServiceCollection AddServerlessHub(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageAccountFrom(configuration);
        // First: the probe's start (loading the Azure SDK, building its clients, two round trips) then runs on another core
        // while the rest is registered.
        services.AddHealth(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(storage);
        services.AddSingleton(HostSettings.Load(AppContext.BaseDirectory, configuration));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        return services
            .AddAccess()
            .AddHubs()
            .AddSubmissions()
            .AddExports()
            .AddLeave()
            .AddReplies()
            .AddInbound()
            .AddOutbound()
            .AddReminders()
            .AddPoison()
            .AddDigests()
            .AddRetention()
            .AddSchedule();
    }
}

using Microsoft.Extensions.Options;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.Access;

internal static class AccessServices
{
    /// <summary>
    /// The admin-key routes; under <c>/api/manage</c> like the hub routes, since the Functions host reserves <c>/api/admin</c>.
    /// </summary>
    public const string AdminKeysRoute = "manage/admin-keys";

    /// <summary>API keys: the checks every HTTP function makes, and their administration. Settings: <c>ApiKeys:*</c>.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        return services
            .AddSingleton<ApiKeyStore>()
            .AddSingleton<ApiKeys>()
            .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AccessJsonContext.Default));
    }
}

using Microsoft.Extensions.Options;
using ServerlessHub.Schedule;

namespace ServerlessHub.Retention;

internal static class RetentionServices
{
    /// <summary>The tick's retention sweep of bookkeeping rows. Settings: <c>Retention:*</c>.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<RetentionSweep>();
        return services.AddSingleton<IScheduledWork>(sp => sp.GetRequiredService<RetentionSweep>());
    }
}

using Microsoft.Extensions.Options;
using ServerlessHub.Schedule;
using ServerlessHub.Storage.Reminders;

namespace ServerlessHub.Reminders;

internal static class ReminderServices
{
    /// <summary>Reminders: periods opened by the tick, ladders on the <c>reminders</c> queue, 催报. Settings: <c>Reminders:*</c>.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<ReminderTexts>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<Urging>();
        services.AddSingleton<PeriodOpening>();
        services.AddSingleton<IScheduledWork>(sp => sp.GetRequiredService<PeriodOpening>());
        return services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RemindersJsonContext.Default));
    }
}

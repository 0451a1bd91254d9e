using ServerlessHub.Inbound;
using ServerlessHub.Outbound;
using ServerlessHub.Reminders;
using ServerlessHub.Storage.Poison;

namespace ServerlessHub.Poison;

internal static class PoisonServices
{
    /// <summary>A poison queue's messages: <c>GET</c> lists them, <c>POST …/replay</c> puts them back.</summary>
    public const string Route = "manage/poison/{queue}";

    /// <summary>The app's queue-triggered queues, the only ones with poison queues of the app's own messages.</summary>
    public static readonly IReadOnlyList<string> Queues = [InboundChatFunction.QueueName, OutboundQueues.QueueName, ReminderScheduler.QueueName];

    /// <summary>Where the queue listener moves a message after its last failed attempt.</summary>
    public static string PoisonQueueOf(string queueName) => queueName + "-poison";

    /// <summary>Poison messages: the last error of each recorded by the queue functions, listed and replayed by admins.</summary>
    public static IServiceCollection AddPoison(this IServiceCollection services) =>
        services
            .AddSingleton<PoisonErrorStore>()
            .AddSingleton<QueueAttempts>()
            .AddSingleton<PoisonedMessages>()
            .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, PoisonJsonContext.Default));
}

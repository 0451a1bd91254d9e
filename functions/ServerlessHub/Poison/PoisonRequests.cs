using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Http;

namespace ServerlessHub.Poison;

/// <summary>Checks shared by the poison routes.</summary>
internal static class PoisonRequests
{
    /// <summary>404 unless <paramref name="queue"/> is one of the app's queue-triggered queues.</summary>
    public static ProblemHttpResult? RefuseUnknownQueue(HttpContext context, string queue) =>
        PoisonServices.Queues.Contains(queue, StringComparer.Ordinal)
            ? null
            : Problems.NotFound(context, ($"没有队列“{queue}”的毒消息队列；可选：{string.Join("、", PoisonServices.Queues)}。",
                $"There is no poison queue for '{queue}'; the queues are {string.Join(", ", PoisonServices.Queues)}."));
}

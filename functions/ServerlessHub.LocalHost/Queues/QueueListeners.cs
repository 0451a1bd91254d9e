using System.Globalization;
using System.Reflection;
using Microsoft.Azure.WebJobs;
using ServerlessHub.Hosting;
using ServerlessHub.LocalHost.Functions;

namespace ServerlessHub.LocalHost.Queues;

/// <summary>
/// The WebJobs SDK's queue listener, the one the Functions host runs behind the worker's queue extension, configured
/// from host.json's <c>extensions.queues</c> (with app-setting overrides) as the Functions host configures it.
/// </summary>
internal static class QueueListeners
{
    /// <summary>Where the WebJobs queue extension reads its options.</summary>
    public const string Section = "AzureWebJobs:extensions:queues";

    /// <summary>The settings that configure the WebJobs queue extension from host.json.</summary>
    public static Dictionary<string, string?> Settings(QueueTriggerSettings queues) => new()
    {
        [$"{Section}:batchSize"] = queues.BatchSize.ToString(CultureInfo.InvariantCulture),
        [$"{Section}:newBatchThreshold"] = queues.NewBatchThreshold.ToString(CultureInfo.InvariantCulture),
        [$"{Section}:maxDequeueCount"] = queues.MaxDequeueCount.ToString(CultureInfo.InvariantCulture),
        [$"{Section}:visibilityTimeout"] = queues.VisibilityTimeout.ToString("c", CultureInfo.InvariantCulture),
        [$"{Section}:maxPollingInterval"] = queues.MaxPollingInterval.ToString("c", CultureInfo.InvariantCulture),
        [$"{Section}:messageEncoding"] = "base64",
    };

    /// <summary>
    /// Adds the WebJobs host with its queue extension, finding queue functions on <paramref name="triggerTypes"/> only.
    /// </summary>
    /// <exception cref="InvalidOperationException">A worker queue function has no WebJobs entry point on the same queue.</exception>
    public static void AddQueueListeners(this IHostBuilder host, FunctionIndex functions, IReadOnlyList<Type> triggerTypes)
    {
        var entryPoints = triggerTypes
            .SelectMany(t => t.GetMethods())
            .Select(m => (Name: m.GetCustomAttribute<FunctionNameAttribute>()?.Name, Queue: m.GetParameters().Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()?.QueueName).FirstOrDefault(q => q is not null)))
            .Where(e => e.Name is not null && e.Queue is not null)
            .ToDictionary(e => e.Name!, e => e.Queue!, StringComparer.OrdinalIgnoreCase);
        var missing = functions.Queues.Where(f => !entryPoints.TryGetValue(f.Name, out var queue) || queue != f.QueueName).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Queue functions without a WebJobs entry point on the same queue in {nameof(QueueTriggers)}: {string.Join(", ", missing)}.");
        }

        host.ConfigureWebJobs(webJobs => webJobs.AddAzureStorageQueues());
        host.ConfigureServices(services => services.AddSingleton<ITypeLocator>(new TriggerTypes(triggerTypes)));
    }

    private sealed class TriggerTypes(IReadOnlyList<Type> types) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => types;
    }
}

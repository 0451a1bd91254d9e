using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using ServerlessHub.Hosting;
using ServerlessHub.LocalHost.Functions;
using ServerlessHub.Storage;

namespace ServerlessHub.LocalHost.Queues;

/// <summary>
/// The WebJobs SDK's queue listener, the one the Functions host runs behind the worker's queue extension, configured
/// from host.json's <c>extensions.queues</c> (with app-setting overrides) as the Functions host configures it. It runs
/// in a host of its own, built when the triggers start: the WebJobs SDK's services, its function index and its
/// assemblies then cost nothing before the app's first HTTP answer.
/// </summary>
internal sealed class QueueListeners(IConfiguration configuration, IServiceProvider app, ILoggerFactory logging, FunctionIndex functions, IReadOnlyList<Type> triggerTypes)
    : IHostedService, IAsyncDisposable
{
    /// <summary>Where the WebJobs queue extension reads its options.</summary>
    public const string Section = "AzureWebJobs:extensions:queues";

    private readonly ILogger _log = logging.CreateLogger("ServerlessHub.LocalHost.QueueListeners");
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _restarting = new(1, 1);
    private IHost? _host;

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

    /// <summary>Builds and starts the WebJobs host, finding queue functions on the trigger types only.</summary>
    /// <exception cref="InvalidOperationException">A worker queue function has no WebJobs entry point on the same queue.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
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

        _host = Build();
        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _restarting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_host is { } host)
            {
                await host.StopAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _restarting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
        _restarting.Dispose();
    }

    /// <summary>The WebJobs host, built but not started.</summary>
    internal IHost Build() => new HostBuilder()
        .ConfigureAppConfiguration(config => config.AddConfiguration(configuration))
        .ConfigureWebJobs(webJobs => webJobs.AddAzureStorageQueues())
        .ConfigureServices(services => services
            .AddSingleton<ITypeLocator>(new TriggerTypes(triggerTypes))
            // Function classes come from the app's container, with the app's services; log lines go where the app's go.
            .AddSingleton<IJobActivator>(new AppActivator(app))
            .AddSingleton(logging)
            // The app's host owns the process: its lifetime handles signals and says when it started and stops.
            .AddSingleton<IHostLifetime, AppLifetime>()
            .AddSingleton<IWebJobsExceptionHandler>(provider => new ListenerFailure(this, provider.GetRequiredService<IHost>())))
        .Build();

    /// <summary>
    /// Replaces a WebJobs host whose listener failed outside any function — typically completing a message while
    /// storage is unreachable — with a new one, as the Functions host restarts its job host. The WebJobs SDK's own
    /// handler rethrows such an error on a thread of its own, which ends the process.
    /// </summary>
    private async Task RestartAsync(IHost failed, Exception error)
    {
        await _restarting.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_stopping.IsCancellationRequested || !ReferenceEquals(_host, failed))
            {
                return;
            }

            QueueListenerLog.Restarting(_log, StorageFailures.IsUnavailable(error) ? StorageFailures.Describe(error) : error.GetType().Name, error);
            using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                stopping.CancelAfter(TimeSpan.FromSeconds(30));
                try
                {
                    await failed.StopAsync(stopping.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    QueueListenerLog.StopFailed(_log, ex);
                }
            }

            (failed as IDisposable)?.Dispose();
            while (!_stopping.IsCancellationRequested)
            {
                try
                {
                    _host = Build();
                    await _host.StartAsync(_stopping.Token).ConfigureAwait(false);
                    QueueListenerLog.Restarted(_log);
                    return;
                }
                catch (Exception ex) when (!_stopping.IsCancellationRequested)
                {
                    QueueListenerLog.StartFailed(_log, ex);
                    await Task.Delay(TimeSpan.FromSeconds(5), _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
        finally
        {
            _restarting.Release();
        }
    }

    private sealed class ListenerFailure(QueueListeners owner, IHost host) : IWebJobsExceptionHandler
    {
        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => OnUnhandledExceptionAsync(exceptionInfo);

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            // Not awaited: stopping the host waits for the listener that is calling here.
            _ = Task.Run(() => owner.RestartAsync(host, exceptionInfo.SourceException));
            return Task.CompletedTask;
        }
    }

    private sealed class TriggerTypes(IReadOnlyList<Type> types) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => types;
    }

    private sealed class AppLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class AppActivator(IServiceProvider services) : IJobActivator
    {
        public T CreateInstance<T>() => ActivatorUtilities.CreateInstance<T>(services);
    }
}

internal static partial class QueueListenerLog
{
    [LoggerMessage(1040, LogLevel.Error, "The queue listener failed outside a function ({Reason}); restarting it. Messages it held return after their visibility timeout", EventName = "QueueListenerRestarting")]
    public static partial void Restarting(ILogger logger, string reason, Exception exception);

    [LoggerMessage(1041, LogLevel.Information, "The queue listener restarted", EventName = "QueueListenerRestarted")]
    public static partial void Restarted(ILogger logger);

    [LoggerMessage(1042, LogLevel.Warning, "The failed queue listener did not stop cleanly", EventName = "QueueListenerStopFailed")]
    public static partial void StopFailed(ILogger logger, Exception exception);

    [LoggerMessage(1043, LogLevel.Error, "The queue listener could not start again; trying again in 5 s", EventName = "QueueListenerStartFailed")]
    public static partial void StartFailed(ILogger logger, Exception exception);
}

using ServerlessHub.Health;

namespace ServerlessHub.LocalHost;

/// <summary>
/// Starts the triggers' hosted services (queue creation, the WebJobs host and its services, the timers) in their
/// registration order once the app serves HTTP and storage has answered the first health probe, and stops them in
/// reverse order when the app stops. A trigger that fails to start still fails the app's start.
/// </summary>
/// <remarks>
/// Started with the other hosted services, before Kestrel, their set-up (the WebJobs host's services and function
/// index, the SDK's own storage clients, the first queue polls and timer reads) ran ahead of the first HTTP answer and
/// beside the probe on a two-core instance: the published local host answered its first health request in 1.5–1.7
/// times the time of an app that only makes the probe (tests/ServerlessHub.Benchmarks/README.md, cold start).
/// </remarks>
internal sealed class TriggerStart(IServiceProvider services, StorageProbe probe) : IHostedLifecycleService
{
    private static readonly object Key = new();
    private readonly List<IHostedService> _started = [];

    /// <summary>Puts the hosted services registered from position <paramref name="from"/> on behind the trigger start.</summary>
    public static void Defer(IServiceCollection services, int from)
    {
        var triggers = services.Skip(from).Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService).ToList();
        foreach (var descriptor in triggers)
        {
            services.Remove(descriptor);
            services.Add(descriptor switch
            {
                { ImplementationInstance: { } instance } => new ServiceDescriptor(typeof(IHostedService), Key, instance),
                { ImplementationFactory: { } factory } => new ServiceDescriptor(typeof(IHostedService), Key, (provider, _) => factory(provider), descriptor.Lifetime),
                _ => new ServiceDescriptor(typeof(IHostedService), Key, descriptor.ImplementationType!, descriptor.Lifetime),
            });
        }

        services.AddHostedService<TriggerStart>();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        // The probe answers within its timeout whether or not storage is reachable; the triggers wait out storage
        // trouble themselves. Forced to yield: registered before any request, this continuation would otherwise run
        // first on the thread that completes the probe, and the requests waiting for it would wait for the triggers'
        // synchronous set-up too.
        await probe.CheckAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        foreach (var service in services.GetKeyedServices<IHostedService>(Key))
        {
            await service.StartAsync(cancellationToken).ConfigureAwait(false);
            _started.Add(service);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops every started trigger, as the host stops its hosted services: all of them, whatever one throws.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            try
            {
                await _started[i].StopAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException("One or more triggers failed to stop.", failures);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using ServerlessHub.Storage;

namespace ServerlessHub.Health;

/// <summary>
/// Probes tables and queues, sharing one probe among concurrent callers and reusing its answer for
/// <see cref="Reuse"/>.
/// </summary>
/// <remarks>
/// The first probe starts with <see cref="HealthServices.AddHealth"/>, before the app is built: loading the Azure SDK,
/// building its clients and the first two round trips then run on another core while the app is built and Kestrel
/// starts, instead of after (tests/ServerlessHub.Benchmarks/README.md, cold start).
/// </remarks>
public sealed class StorageProbe : IHostedService
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly StorageAccount _storage;
    private readonly TimeProvider _time;
    private readonly Task _clients;
    private readonly Lock _gate = new();
    private (Task<StorageHealth> Probe, DateTimeOffset Started)? _last;

    /// <summary>Starts building the storage clients and the first probe.</summary>
    public StorageProbe(StorageAccount storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
        _clients = Task.Run(() => (storage.Tables, storage.Queues));
        _ = CheckAsync();
    }

    public Task<StorageHealth> CheckAsync()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_last is { } last && (!last.Probe.IsCompleted || now - last.Started < Reuse))
            {
                return last.Probe;
            }

            var probe = ProbeAsync();
            _last = (probe, now);
            return probe;
        }
    }

    /// <summary>Fails start-up when the storage connection string is malformed, as the Functions host does.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _clients.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{ServerlessHubServices.StorageSetting} is not a usable storage connection string: {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<StorageHealth> ProbeAsync()
    {
        await _clients.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_clients.IsCompletedSuccessfully)
        {
            return new StorageHealth("unreachable", "unreachable");
        }

        using var timeout = new CancellationTokenSource(Timeout, _time);
        var tables = Reachable(async ct =>
        {
            await foreach (var _ in _storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).ConfigureAwait(false))
            {
                break;
            }
        }, timeout.Token);
        var queues = Reachable(ct => _storage.Queues.GetPropertiesAsync(ct), timeout.Token);
        return new StorageHealth(await tables.ConfigureAwait(false) ? "reachable" : "unreachable", await queues.ConfigureAwait(false) ? "reachable" : "unreachable");
    }

    private static async Task<bool> Reachable(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Run(() => probe(cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or OperationCanceledException or HttpRequestException)
        {
            return false;
        }
    }
}

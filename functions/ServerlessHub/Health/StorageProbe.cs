using Azure.Data.Tables;
using Azure.Storage.Queues;
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
    private const string ReachableState = "reachable";
    private const string UnreachableState = "unreachable";

    private readonly TimeProvider _time;
    private readonly Task<(TableServiceClient Tables, QueueServiceClient Queues)> _clients;
    private readonly Lock _gate = new();
    private (Task<StorageHealth> Probe, DateTimeOffset Started)? _last;

    /// <summary>Starts building the storage clients and the first probe.</summary>
    public StorageProbe(StorageAccount storage, TimeProvider time)
    {
        _time = time;
        // The app's own clients are built too, so that their first use does not pay for loading the SDK.
        _clients = Task.Run(() =>
        {
            _ = (storage.Tables, storage.Queues);
            return storage.CreateProbeClients(Timeout);
        });
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
        await ((Task)_clients).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_clients.Exception is { } unusable)
        {
            var why = $"存储客户端无法创建（{StorageFailures.Describe(unusable.InnerException ?? unusable)}）";
            return new StorageHealth(UnreachableState, UnreachableState, why, why);
        }

        var (tableService, queueService) = _clients.Result;

        using var timeout = new CancellationTokenSource(Timeout, _time);
        var tables = ProblemOf(async ct =>
        {
            await foreach (var _ in tableService.QueryAsync(maxPerPage: 1, cancellationToken: ct).ConfigureAwait(false))
            {
                break;
            }
        }, timeout.Token);
        var queues = ProblemOf(ct => queueService.GetPropertiesAsync(ct), timeout.Token);
        var tablesProblem = await tables.ConfigureAwait(false);
        var queuesProblem = await queues.ConfigureAwait(false);
        return new StorageHealth(tablesProblem is null ? ReachableState : UnreachableState, queuesProblem is null ? ReachableState : UnreachableState, tablesProblem, queuesProblem);
    }

    /// <returns>Null when the probe succeeded, else why not, in a few words without secrets.</returns>
    private static async Task<string?> ProblemOf(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Run(() => probe(cancellationToken), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            return $"{Timeout.TotalSeconds:0} 秒内无应答";
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            return StorageFailures.IsUnavailable(ex) ? $"无法访问（{StorageFailures.Describe(ex)}）" : $"请求被拒绝（{StorageFailures.Describe(ex)}）";
        }
    }
}

using ServerlessHub.Storage;

namespace ServerlessHub.Health;

/// <summary>
/// Probes tables and queues, sharing one probe among concurrent callers and reusing its answer for
/// <see cref="Reuse"/>. The first probe starts with the app, so it overlaps start-up instead of delaying the first
/// health request.
/// </summary>
public sealed class StorageProbe(StorageAccount storage, TimeProvider time) : IHostedService
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private (Task<StorageHealth> Probe, DateTimeOffset Started)? _last;

    public Task<StorageHealth> CheckAsync()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && (!last.Probe.IsCompleted || now - last.Started < Reuse))
            {
                return last.Probe;
            }

            var probe = ProbeAsync();
            _last = (probe, now);
            return probe;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = CheckAsync();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<StorageHealth> ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        var tables = Reachable(async ct =>
        {
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).ConfigureAwait(false))
            {
                break;
            }
        }, timeout.Token);
        var queues = Reachable(ct => storage.Queues.GetPropertiesAsync(ct), timeout.Token);
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

using System.Diagnostics.Metrics;

namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>
/// Counts the HTTP requests this process makes to the given storage ports, from the .NET HTTP client's own
/// <c>http.client.request.duration</c> metric (recorded once per request, with <c>server.port</c>), so the app is
/// observed as it ships: no hook in its storage clients.
/// </summary>
internal sealed class StorageRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly HashSet<int> _ports;
    private long _count;

    public StorageRequestCounter(params IEnumerable<int> ports)
    {
        _ports = [.. ports];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int port && _ports.Contains(port))
                {
                    Interlocked.Increment(ref _count);
                    return;
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}

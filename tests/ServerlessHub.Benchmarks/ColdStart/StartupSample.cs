namespace ServerlessHub.Benchmarks.ColdStart;

/// <param name="Listening">When the app logged Kestrel's "Now listening on" line, if it did.</param>
/// <param name="Healthy">When <c>GET /api/health</c> first answered 200.</param>
internal sealed record StartupSample(TimeSpan? Listening, TimeSpan Healthy);

namespace ServerlessHub.Runtime.Queues;

/// <summary>
/// The delay before the next receive: none while messages keep coming, then exponential from
/// <see cref="Minimum"/> up to <see cref="Maximum"/> while the queue stays empty, with jitter so that
/// instances started together do not poll in step.
/// </summary>
public sealed class PollingBackoff(TimeSpan minimum, TimeSpan maximum, Random random)
{
    private TimeSpan _current = TimeSpan.Zero;

    public TimeSpan Minimum { get; } = minimum;

    public TimeSpan Maximum { get; } = maximum;

    /// <summary>The delay to wait after a receive that found <paramref name="foundMessages"/>.</summary>
    public TimeSpan Next(bool foundMessages)
    {
        if (foundMessages)
        {
            _current = TimeSpan.Zero;
            return TimeSpan.Zero;
        }

        var doubled = _current == TimeSpan.Zero ? Minimum : _current * 2;
        _current = doubled > Maximum ? Maximum : doubled;
        var jittered = _current * (0.8 + (0.2 * random.NextDouble()));
        return jittered < Minimum ? Minimum : jittered;
    }
}

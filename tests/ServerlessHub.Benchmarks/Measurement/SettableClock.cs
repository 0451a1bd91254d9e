namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>
/// The app's clock, set by the benchmark: the app itself decides from it which submissions are late and which
/// periods still take them (a benchmark's periods are fixed, the real date moves on). Only the wall-clock reading is replaced; timers and timestamps stay
/// the system's, so nothing in the app waits on a clock that never moves.
/// </summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    private long _ticks = now.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}

namespace ServerlessHub;

/// <summary>A clock tests set to any instant, forwards or back (FakeTimeProvider only moves forward).</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public void SetUtcNow(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}

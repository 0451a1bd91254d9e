namespace ServerlessHub.Schedule;

/// <summary>The span of time one tick is responsible for: after <see cref="From"/>, up to and including <see cref="To"/>.</summary>
public sealed record TickWindow(DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// Work the tick does for each window: opening periods, sending due reminders, posting digests. Each implementation
/// must be idempotent for a window, because a window whose work failed is offered again by the next tick.
/// </summary>
public interface IScheduledWork
{
    Task RunAsync(TickWindow window, CancellationToken cancellationToken);
}

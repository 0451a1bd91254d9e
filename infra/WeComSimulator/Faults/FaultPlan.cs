using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.WeCom.Simulation.Faults;

/// <summary>
/// The faults still to strike, in the order they were added: each sending call takes the first one that applies to
/// its channel and uses up one of its count.
/// </summary>
public sealed class FaultPlan(TimeProvider timeProvider)
{
    private readonly Lock sync = new();
    private readonly List<(SimulatedFault Fault, int Left)> pending = [];
    private readonly List<FaultStrike> strikes = [];

    /// <summary>The faults not used up yet, with how many calls each still strikes.</summary>
    public IReadOnlyList<SimulatedFault> Pending
    {
        get
        {
            lock (sync)
            {
                return [.. pending.Select(p => p.Fault with { Count = p.Left })];
            }
        }
    }

    /// <summary>The calls faults have struck so far, in order.</summary>
    public IReadOnlyList<FaultStrike> Strikes
    {
        get
        {
            lock (sync)
            {
                return [.. strikes];
            }
        }
    }

    /// <summary>Queues a fault after those already queued.</summary>
    /// <exception cref="ArgumentException">The fault's count, delay or status is out of range.</exception>
    public void Add(SimulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (Problem(fault) is { } problem)
        {
            throw new ArgumentException(problem, nameof(fault));
        }

        lock (sync)
        {
            pending.Add((fault, fault.Count));
        }
    }

    /// <summary>Forgets the faults not used up yet, and the strikes so far.</summary>
    public void Clear()
    {
        lock (sync)
        {
            pending.Clear();
            strikes.Clear();
        }
    }

    /// <summary>Why <paramref name="fault"/> cannot be queued, or null.</summary>
    public static string? Problem(SimulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return fault switch
        {
            { Count: < 1 or > 100_000 } => "count must be 1–100000",
            { Kind: FaultKind.Slow, Delay: var delay } when delay <= TimeSpan.Zero || delay > TimeSpan.FromMinutes(5) => "delay must be more than 0 and at most 5 minutes",
            { Kind: FaultKind.HttpError, Status: < 500 or > 599 } => "status must be 500–599",
            _ => null,
        };
    }

    internal SimulatedFault? Take(SimulatedChannel channel)
    {
        lock (sync)
        {
            var index = pending.FindIndex(p => p.Fault.Channel is null || p.Fault.Channel == channel);
            if (index < 0)
            {
                return null;
            }

            var (fault, left) = pending[index];
            if (left == 1)
            {
                pending.RemoveAt(index);
            }
            else
            {
                pending[index] = (fault, left - 1);
            }

            strikes.Add(new FaultStrike(fault.Kind, channel, timeProvider.GetUtcNow()));
            return fault;
        }
    }
}

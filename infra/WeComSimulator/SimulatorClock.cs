namespace ServerlessHub.WeCom.Simulation;

/// <summary>The simulator's clock, kept apart from the host's so tests can move it.</summary>
/// <param name="Time">The time source.</param>
public sealed record SimulatorClock(TimeProvider Time);

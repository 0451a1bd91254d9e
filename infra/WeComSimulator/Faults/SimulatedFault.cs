using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.WeCom.Simulation.Faults;

/// <summary>How the simulator misbehaves towards a sending call, as WeCom or the network between can.</summary>
public enum FaultKind
{
    /// <summary>Wait <see cref="SimulatedFault.Delay"/> before handling the call; a caller that gives up first leaves nothing recorded.</summary>
    Slow,

    /// <summary>Answer with HTTP <see cref="SimulatedFault.Status"/> (default 502) and no WeCom body.</summary>
    HttpError,

    /// <summary>Answer errcode -1 (系统繁忙).</summary>
    Busy,

    /// <summary>Answer errcode 45009 (接口调用超过限制).</summary>
    FrequencyLimited,

    /// <summary>Close the connection without an answer, before handling the call.</summary>
    Drop,

    /// <summary>Handle the call (a message is delivered), then close the connection without the answer.</summary>
    DropAnswer,
}

/// <summary>A fault that struck a call.</summary>
/// <param name="Kind">What it did.</param>
/// <param name="Channel">The call's channel.</param>
/// <param name="At">When, by the simulator's clock.</param>
public sealed record FaultStrike(FaultKind Kind, SimulatedChannel Channel, DateTimeOffset At);

/// <summary>
/// One fault for the next <see cref="Count"/> sending calls (robot webhook, message/send, appchat/send, AI-bot
/// response), or only those of <see cref="Channel"/> when given.
/// </summary>
public sealed record SimulatedFault
{
    public required FaultKind Kind { get; init; }

    /// <summary>How many calls it strikes, from 1.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The channel it strikes; null for any sending call.</summary>
    public SimulatedChannel? Channel { get; init; }

    /// <summary>For <see cref="FaultKind.Slow"/>: how long to wait.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>For <see cref="FaultKind.HttpError"/>: the HTTP status, 500–599.</summary>
    public int Status { get; init; } = 502;
}

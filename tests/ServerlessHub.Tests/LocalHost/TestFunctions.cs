using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.WebJobs;

namespace ServerlessHub.LocalHost;

/// <summary>What the test functions saw, shared by every instance in a test.</summary>
public sealed class InvocationRecorder
{
    public ConcurrentQueue<(string Function, string Text, long DequeueCount)> Queue { get; } = new();

    public ConcurrentQueue<TimerInfo> Timer { get; } = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What <see cref="GatedFunction"/> waits for before it returns.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A queue function on the queue a test names in the <c>EchoQueue</c> setting: records each message and succeeds.</summary>
public sealed class EchoFunction(InvocationRecorder recorder)
{
    [FunctionName("Echo")]
    public Task RunAsync([Microsoft.Azure.WebJobs.QueueTrigger("%EchoQueue%")] string message, long dequeueCount)
    {
        recorder.Queue.Enqueue(("Echo", message, dequeueCount));
        return Task.CompletedTask;
    }
}

/// <summary>A queue function on the <c>FailsQueue</c> setting's queue: records each attempt, then fails.</summary>
public sealed class FailingFunction(InvocationRecorder recorder)
{
    [FunctionName("Fails")]
    public Task RunAsync([Microsoft.Azure.WebJobs.QueueTrigger("%FailsQueue%")] string message, long dequeueCount)
    {
        recorder.Queue.Enqueue(("Fails", message, dequeueCount));
        throw new InvalidOperationException("This function always fails.");
    }
}

/// <summary>A queue function on the <c>BlocksQueue</c> setting's queue: signals that it started, then waits until cancelled.</summary>
public sealed class BlockingFunction(InvocationRecorder recorder)
{
    [FunctionName("Blocks")]
    public async Task RunAsync([Microsoft.Azure.WebJobs.QueueTrigger("%BlocksQueue%")] string message, long dequeueCount, CancellationToken cancellationToken)
    {
        recorder.Queue.Enqueue(("Blocks", message, dequeueCount));
        recorder.Started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}

/// <summary>A queue function on the <c>GatedQueue</c> setting's queue: records each message, signals, then returns once the test opens the gate.</summary>
public sealed class GatedFunction(InvocationRecorder recorder)
{
    [FunctionName("Gated")]
    public async Task RunAsync([Microsoft.Azure.WebJobs.QueueTrigger("%GatedQueue%")] string message, long dequeueCount)
    {
        recorder.Queue.Enqueue(("Gated", message, dequeueCount));
        recorder.Started.TrySetResult();
        await recorder.Gate.Task;
    }
}

/// <summary>A worker timer function that fires every second and records its timer info.</summary>
public sealed class EverySecondFunction(InvocationRecorder recorder)
{
    [Function("EverySecond")]
    public Task RunAsync([TimerTrigger("*/1 * * * * *")] TimerInfo timer)
    {
        recorder.Timer.Enqueue(timer);
        return Task.CompletedTask;
    }
}

/// <summary>A worker timer function that fires daily at 03:00 UTC and records its timer info.</summary>
public sealed class DailyFunction(InvocationRecorder recorder)
{
    [Function("Daily")]
    public Task RunAsync([TimerTrigger("0 0 3 * * *")] TimerInfo timer)
    {
        recorder.Timer.Enqueue(timer);
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using ServerlessHub.Runtime.Invocation;

namespace ServerlessHub.Runtime;

/// <summary>What the test functions saw, shared by every instance in a test.</summary>
public sealed class InvocationRecorder
{
    public ConcurrentQueue<(string Function, string Text, long DequeueCount)> Queue { get; } = new();

    public ConcurrentQueue<TimerInput> Timer { get; } = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Records each message and returns its text.</summary>
public sealed class EchoFunction(InvocationRecorder recorder) : IFunctionHandler
{
    public Task<JsonElement?> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var message = QueueMessageInput.From(invocation);
        recorder.Queue.Enqueue((invocation.Function.Name, message.Text, message.DequeueCount));
        invocation.Log($"echo {message.Id}");
        return Task.FromResult<JsonElement?>(JsonSerializer.SerializeToElement(message.Text));
    }
}

/// <summary>Records each attempt, then fails.</summary>
public sealed class FailingFunction(InvocationRecorder recorder) : IFunctionHandler
{
    public Task<JsonElement?> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var message = QueueMessageInput.From(invocation);
        recorder.Queue.Enqueue((invocation.Function.Name, message.Text, message.DequeueCount));
        throw new InvalidOperationException("This function always fails.");
    }
}

/// <summary>Signals that it started, then waits until the runtime cancels it.</summary>
public sealed class BlockingFunction(InvocationRecorder recorder) : IFunctionHandler
{
    public async Task<JsonElement?> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var message = QueueMessageInput.From(invocation);
        recorder.Queue.Enqueue((invocation.Function.Name, message.Text, message.DequeueCount));
        recorder.Started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return null;
    }
}

/// <summary>Records the timer info of each run.</summary>
public sealed class TimerProbeFunction(InvocationRecorder recorder) : IFunctionHandler
{
    public Task<JsonElement?> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        recorder.Timer.Enqueue(TimerInput.From(invocation));
        return Task.FromResult<JsonElement?>(null);
    }
}

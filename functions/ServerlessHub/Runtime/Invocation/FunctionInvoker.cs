using System.Diagnostics;
using System.Text.Json;

namespace ServerlessHub.Runtime.Invocation;

/// <summary>The outcome of one invocation, mapped to HTTP by the host-mode endpoint.</summary>
public abstract record InvocationOutcome
{
    public sealed record Succeeded(InvocationResponse Response) : InvocationOutcome;

    /// <summary>No queue or timer function of that name: 404.</summary>
    public sealed record UnknownFunction(string Name) : InvocationOutcome;

    /// <summary>The payload is not an invocation of that function: 400.</summary>
    public sealed record BadPayload(string Detail) : InvocationOutcome;

    /// <summary>The function threw: non-2xx, so the host retries or poisons.</summary>
    public sealed record Failed(Exception Exception, IReadOnlyList<string> Logs) : InvocationOutcome;
}

/// <summary>
/// Runs queue and timer functions through the Functions invocation contract. The host-mode endpoint and the standalone
/// queue listeners and timers all come through here, so both modes run one code path.
/// </summary>
public sealed class FunctionInvoker(FunctionCatalog catalog, IServiceProvider services, ILogger<FunctionInvoker> logger)
{
    public async Task<InvocationOutcome> InvokeAsync(string functionName, InvocationRequest request, string? invocationId, CancellationToken cancellationToken)
    {
        if (catalog.Find(functionName) is not { Trigger: QueueTrigger or TimerTrigger } function
            || services.GetKeyedService<IFunctionHandler>(function.Name) is not { } handler)
        {
            return new InvocationOutcome.UnknownFunction(functionName);
        }

        if (request.Data is null)
        {
            return new InvocationOutcome.BadPayload($"The invocation of '{function.Name}' has no 'Data' object.");
        }

        if (!request.Data.TryGetValue(function.Trigger.BindingName, out var triggerValue))
        {
            return new InvocationOutcome.BadPayload($"'Data' has no '{function.Trigger.BindingName}' entry, the trigger binding of '{function.Name}'.");
        }

        var invocation = new FunctionInvocation(function, invocationId ?? Guid.NewGuid().ToString(), triggerValue, request.Metadata ?? []);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var returnValue = await handler.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            RuntimeLog.FunctionSucceeded(logger, function.Name, invocation.InvocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new InvocationOutcome.Succeeded(new InvocationResponse([], invocation.Logs, returnValue));
        }
        catch (InvocationInputException ex)
        {
            return new InvocationOutcome.BadPayload(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RuntimeLog.FunctionFailed(logger, ex, function.Name, invocation.InvocationId);
            return new InvocationOutcome.Failed(ex, invocation.Logs);
        }
    }

    /// <summary>Builds the request the Functions host would post for a queue message.</summary>
    public static InvocationRequest QueueRequest(FunctionDefinition function, QueueTrigger trigger, string messageText, string messageId, long dequeueCount, DateTimeOffset? insertedOn, DateTimeOffset? expiresOn, DateTimeOffset? nextVisibleOn, string popReceipt, DateTimeOffset utcNow) =>
        new(
            new() { [trigger.BindingName] = JsonSerializer.SerializeToElement(messageText, InvocationInputJsonContext.Default.String) },
            new()
            {
                ["DequeueCount"] = JsonSerializer.SerializeToElement(dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture), InvocationInputJsonContext.Default.String),
                ["Id"] = JsonSerializer.SerializeToElement(messageId, InvocationInputJsonContext.Default.String),
                ["InsertionTime"] = Instant(insertedOn),
                ["ExpirationTime"] = Instant(expiresOn),
                ["NextVisibleTime"] = Instant(nextVisibleOn),
                ["PopReceipt"] = JsonSerializer.SerializeToElement(popReceipt, InvocationInputJsonContext.Default.String),
                ["sys"] = Sys(function.Name, utcNow),
            });

    /// <summary>Builds the request the Functions host would post for a timer occurrence; <c>Last</c> is MinValue before the first run.</summary>
    public static InvocationRequest TimerRequest(FunctionDefinition function, TimerTrigger trigger, bool isPastDue, DateTimeOffset? last, DateTimeOffset next, DateTimeOffset utcNow)
    {
        var info = new Dictionary<string, JsonElement>
        {
            ["Schedule"] = JsonDocument.Parse("""{"AdjustForDST":true}""").RootElement.Clone(),
            ["ScheduleStatus"] = !trigger.UseMonitor ? JsonDocument.Parse("null").RootElement.Clone() : JsonSerializer.SerializeToElement(
                new Dictionary<string, JsonElement> { ["Last"] = Instant(last ?? DateTimeOffset.MinValue), ["Next"] = Instant(next), ["LastUpdated"] = Instant(utcNow) },
                RuntimeJsonContext.Default.DictionaryStringJsonElement),
            ["IsPastDue"] = JsonSerializer.SerializeToElement(isPastDue, RuntimeJsonContext.Default.Boolean),
        };
        return new(
            new() { [trigger.BindingName] = JsonSerializer.SerializeToElement(info, RuntimeJsonContext.Default.DictionaryStringJsonElement) },
            new() { ["sys"] = Sys(function.Name, utcNow) });
    }

    private static JsonElement Instant(DateTimeOffset? at) =>
        JsonSerializer.SerializeToElement(at?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture), InvocationInputJsonContext.Default.String);

    private static JsonElement Sys(string methodName, DateTimeOffset utcNow) => JsonSerializer.SerializeToElement(
        new Dictionary<string, JsonElement>
        {
            ["MethodName"] = JsonSerializer.SerializeToElement(methodName, InvocationInputJsonContext.Default.String),
            ["UtcNow"] = Instant(utcNow),
            ["RandGuid"] = JsonSerializer.SerializeToElement(Guid.NewGuid().ToString(), InvocationInputJsonContext.Default.String),
        },
        RuntimeJsonContext.Default.DictionaryStringJsonElement);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
internal sealed partial class RuntimeJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

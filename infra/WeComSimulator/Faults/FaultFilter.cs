using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Replies;

namespace ServerlessHub.WeCom.Simulation.Faults;

/// <summary>Lets the <see cref="FaultPlan"/> strike a sending endpoint before the endpoint sees the call.</summary>
internal sealed class FaultFilter(SimulatedChannel channel) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<FaultPlan>().Take(channel) is not { } fault)
        {
            return await next(context);
        }

        var logger = http.RequestServices.GetRequiredService<ILogger<WeComSimulator>>();
        SimulatorLog.FaultStruck(logger, fault.Kind, http.Request.Path);
        switch (fault.Kind)
        {
            case FaultKind.Slow:
                try
                {
                    await Task.Delay(fault.Delay, http.RequestAborted);
                }
                catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
                {
                    // The caller gave up: like WeCom never getting the call, nothing is handled or recorded.
                    return Results.Empty;
                }

                return await next(context);
            case FaultKind.HttpError:
                return Results.StatusCode(fault.Status);
            case FaultKind.Busy:
                return TypedResults.Ok(WeComErrors.SystemBusy);
            case FaultKind.FrequencyLimited:
                return TypedResults.Ok(WeComErrors.FrequencyLimited);
            case FaultKind.Drop:
                http.Abort();
                return Results.Empty;
            case FaultKind.DropAnswer:
                await next(context);
                http.Abort();
                return Results.Empty;
            default:
                throw new InvalidOperationException($"Unknown fault {fault.Kind}.");
        }
    }
}

internal static class FaultEndpoints
{
    /// <summary>Lets faults strike this sending endpoint, recorded as <paramref name="channel"/>.</summary>
    public static RouteHandlerBuilder WithFaults(this RouteHandlerBuilder endpoint, SimulatedChannel channel) =>
        endpoint.AddEndpointFilter(new FaultFilter(channel));
}

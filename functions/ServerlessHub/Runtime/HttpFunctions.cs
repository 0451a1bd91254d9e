namespace ServerlessHub.Runtime;

/// <summary>Maps HTTP-triggered functions at the route and methods their <c>function.json</c> declares.</summary>
public static class HttpFunctions
{
    /// <exception cref="InvalidOperationException">No function.json declares an httpTrigger function of that name.</exception>
    public static RouteHandlerBuilder MapHttpFunction(this WebApplication app, string functionName, Delegate handler) =>
        app.MapHttpFunction(functionName, null, handler);

    /// <summary>Maps one of the methods a function declares to its own handler.</summary>
    /// <exception cref="InvalidOperationException">No such httpTrigger function, or it does not declare <paramref name="method"/>.</exception>
    public static RouteHandlerBuilder MapHttpFunction(this WebApplication app, string functionName, string? method, Delegate handler)
    {
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        if (catalog.Find(functionName) is not { Trigger: HttpTrigger trigger })
        {
            throw new InvalidOperationException($"No function.json declares an httpTrigger function named '{functionName}'.");
        }

        if (method is not null && !trigger.Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{functionName}/function.json does not declare the method {method}.");
        }

        app.Services.GetRequiredService<MappedHttpFunctions>().Names.Add(functionName);
        var pattern = string.IsNullOrEmpty(catalog.Host.RoutePrefix) ? $"/{trigger.Route}" : $"/{catalog.Host.RoutePrefix}/{trigger.Route}";
        return method is null
            ? app.MapMethods(pattern, trigger.Methods, handler).WithName(functionName)
            : app.MapMethods(pattern, [method], handler).WithName($"{functionName}.{method}");
    }

    /// <summary>
    /// Maps a function whose endpoint another library builds (e.g. the OpenAPI document): <paramref name="map"/> gets
    /// the route pattern the function.json declares.
    /// </summary>
    public static TBuilder MapHttpFunction<TBuilder>(this WebApplication app, string functionName, Func<string, TBuilder> map)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(map);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        if (catalog.Find(functionName) is not { Trigger: HttpTrigger trigger })
        {
            throw new InvalidOperationException($"No function.json declares an httpTrigger function named '{functionName}'.");
        }

        app.Services.GetRequiredService<MappedHttpFunctions>().Names.Add(functionName);
        return map(string.IsNullOrEmpty(catalog.Host.RoutePrefix) ? $"/{trigger.Route}" : $"/{catalog.Host.RoutePrefix}/{trigger.Route}");
    }

    /// <summary>Fails start-up when a declared HTTP function has no handler, so nothing answers 404 by omission.</summary>
    public static void EnsureAllHttpFunctionsMapped(this WebApplication app)
    {
        var mapped = app.Services.GetRequiredService<MappedHttpFunctions>().Names;
        var missing = app.Services.GetRequiredService<FunctionCatalog>().Functions
            .Where(f => f.Trigger is HttpTrigger && !mapped.Contains(f.Name))
            .Select(f => f.Name)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"function.json declares HTTP functions with no handler: {string.Join(", ", missing)}.");
        }
    }

    internal sealed class MappedHttpFunctions
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}

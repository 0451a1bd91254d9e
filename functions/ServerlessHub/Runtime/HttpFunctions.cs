namespace ServerlessHub.Runtime;

/// <summary>HTTP-triggered functions are served at the route and methods their <c>function.json</c> declares.</summary>
public static class HttpFunctions
{
    /// <summary>
    /// The route pattern that <c>&lt;functionName&gt;/function.json</c> declares (with the host's route prefix), for the
    /// caller to map <paramref name="method"/> at; the function counts as mapped. Callers map with <c>MapGet</c> and the
    /// like directly, so the request delegate generator builds each handler at compile time, not on the first request.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such httpTrigger function, or it does not declare <paramref name="method"/>.</exception>
    public static string HttpFunctionRoute(this WebApplication app, string functionName, string method)
    {
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        if (catalog.Find(functionName) is not { Trigger: HttpTrigger trigger })
        {
            throw new InvalidOperationException($"No function.json declares an httpTrigger function named '{functionName}'.");
        }

        if (!trigger.Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{functionName}/function.json does not declare the method {method}.");
        }

        app.Services.GetRequiredService<MappedHttpFunctions>().Names.Add(functionName);
        return string.IsNullOrEmpty(catalog.Host.RoutePrefix) ? $"/{trigger.Route}" : $"/{catalog.Host.RoutePrefix}/{trigger.Route}";
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

using System.Reflection;

namespace ServerlessHub.LocalHost.Functions;

/// <summary>
/// Serves the HTTP functions with Kestrel at <c>/{routePrefix}/{route}</c> for the methods their <c>[HttpTrigger]</c>
/// declares, binding parameters as the worker does: the <c>HttpRequest</c>, route values by name, and the request's
/// cancellation token.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions, string routePrefix)
    {
        foreach (var function in functions)
        {
            var binders = function.Method.GetParameters().Select(p => Binder(function, p)).ToArray();
            var pattern = routePrefix.Length == 0 ? $"/{function.Route}" : $"/{routePrefix}/{function.Route}";
            endpoints.MapMethods(pattern, function.Methods, context => InvokeAsync(function, binders, context)).WithName(function.Name);
        }
    }

    private static async Task InvokeAsync(HttpFunction function, Func<HttpContext, object?>[] binders, HttpContext context)
    {
        var instance = FunctionActivation.CreateInstance(function.Method, context.RequestServices);
        var arguments = Array.ConvertAll(binders, bind => bind(context));
        var result = await FunctionActivation.InvokeAsync(function.Method, instance, arguments).ConfigureAwait(false);
        if (result is not IResult answer)
        {
            throw new InvalidOperationException($"HTTP function {function.Name} returned {result?.GetType().Name ?? "null"}, not an IResult.");
        }

        await answer.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static Func<HttpContext, object?> Binder(HttpFunction function, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(string) && function.Route.Contains($"{{{parameter.Name}}}", StringComparison.OrdinalIgnoreCase))
        {
            var name = parameter.Name!;
            return context => context.Request.RouteValues[name] as string;
        }

        throw new InvalidOperationException(
            $"HTTP function {function.Name}: parameter '{parameter.Name}' ({parameter.ParameterType.Name}) is neither the HttpRequest, a route value nor a CancellationToken.");
    }
}

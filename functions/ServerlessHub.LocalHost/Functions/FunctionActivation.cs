using System.Collections.Concurrent;
using System.Reflection;

namespace ServerlessHub.LocalHost.Functions;

/// <summary>
/// Creates function class instances and awaits their methods as the worker does: a new instance per invocation, its
/// constructor dependencies from the invocation's services.
/// </summary>
internal static class FunctionActivation
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Results = new();

    // Per invocation, as the worker's function activator does. A factory cached per class (ActivatorUtilities.CreateFactory)
    // compiles an expression tree on its first use, which took about 20 ms of the first health answer after start-up
    // (1.6 ms from middleware to function without it) to save microseconds on each later call.
    public static object? CreateInstance(MethodInfo method, IServiceProvider services) =>
        method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);

    /// <summary>Calls the method and awaits what it returns; the value of a <c>Task&lt;T&gt;</c>, or the plain return value.</summary>
    public static async Task<object?> InvokeAsync(MethodInfo method, object? instance, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        if (returned is not Task task)
        {
            return returned;
        }

        await task.ConfigureAwait(false);
        return Results.GetOrAdd(method.ReturnType, t => t.IsGenericType ? t.GetProperty(nameof(Task<object>.Result)) : null)?.GetValue(task);
    }
}

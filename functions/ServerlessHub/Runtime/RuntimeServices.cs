using Microsoft.Extensions.Options;
using ServerlessHub.Runtime.Invocation;
using ServerlessHub.Storage;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.Runtime;

public static class RuntimeServices
{
    /// <summary>The setting that names the storage account, as in every Functions app.</summary>
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>The script root: where host.json and the function folders are. Defaults to the executable's folder.</summary>
    public const string ScriptRootSetting = "AzureWebJobsScriptRoot";

    /// <summary>The account named by <see cref="StorageSetting"/>; Azurite on its default ports when it is not set.</summary>
    public static StorageAccount StorageAccountFrom(IConfiguration configuration) =>
        new(configuration[StorageSetting] is { Length: > 0 } storage ? storage : "UseDevelopmentStorage=true");

    public static IServiceCollection AddRuntime(this IServiceCollection services, IConfiguration configuration, StorageAccount storage, bool underFunctionsHost)
    {
        services.AddOptions<RuntimeOptions>().BindConfiguration(RuntimeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RuntimeOptions>, RuntimeOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => FunctionCatalog.Load(
            configuration[ScriptRootSetting] is { Length: > 0 } root ? root : AppContext.BaseDirectory,
            name => configuration[name]));
        services.AddSingleton(storage);
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<RunClaimStore>();
        services.AddSingleton<TimerStatusStore>();
        services.AddSingleton<TickWatermarkStore>();
        services.AddSingleton<HttpFunctions.MappedHttpFunctions>();
        if (!underFunctionsHost && configuration.GetValue($"{RuntimeOptions.Section}:{nameof(RuntimeOptions.RunTriggers)}", true))
        {
            // Under the Functions host, the host drives queues and timers and posts invocations instead.
            services.AddHostedService<StandaloneTriggers>();
        }

        return services;
    }

    /// <summary>Registers the code of a queue or timer function declared by <c>&lt;name&gt;/function.json</c>.</summary>
    public static IServiceCollection AddFunction<THandler>(this IServiceCollection services, string name)
        where THandler : class, IFunctionHandler =>
        services.AddKeyedSingleton<IFunctionHandler, THandler>(name);

    /// <summary>Fails start-up when a declared queue or timer function has no code, or code has no declaration.</summary>
    public static void EnsureAllTriggerFunctionsHandled(this IServiceProvider services)
    {
        var catalog = services.GetRequiredService<FunctionCatalog>();
        // Asks whether a handler is registered without building it, so start-up does not construct every function.
        var registered = services.GetRequiredService<IServiceProviderIsKeyedService>();
        var unhandled = catalog.Functions
            .Where(f => f.Trigger is QueueTrigger or TimerTrigger && !registered.IsKeyedService(typeof(IFunctionHandler), f.Name))
            .Select(f => f.Name)
            .ToList();
        if (unhandled.Count > 0)
        {
            throw new InvalidOperationException($"function.json declares functions with no registered handler: {string.Join(", ", unhandled)}.");
        }
    }
}

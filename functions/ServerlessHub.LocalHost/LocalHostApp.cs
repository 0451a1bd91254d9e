using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using ServerlessHub.Hosting;
using ServerlessHub.Http;
using ServerlessHub.LocalHost.Functions;
using ServerlessHub.LocalHost.Queues;
using ServerlessHub.LocalHost.Timers;
using ServerlessHub.Storage.Runtime;

namespace ServerlessHub.LocalHost;

/// <summary>
/// The local host: the function app's services (<see cref="ServerlessHubServices.AddServerlessHub"/>, as the worker
/// registers them) and function classes in one process — Kestrel serving the HTTP functions under the host's route
/// prefix, the WebJobs SDK's queue listener driving the queue functions, and a claimed timer for the timer functions.
/// </summary>
public static class LocalHostApp
{
    /// <summary>The address when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise (the Functions local port).</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <param name="args">Command-line arguments.</param>
    /// <param name="settings">App settings that override every other source (tests and benchmarks use this).</param>
    /// <param name="extraFunctionTypes">Function classes beside the app's: worker classes with <c>[Function]</c>, or WebJobs
    /// classes with queue entry points (tests use this).</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyList<Type>? extraFunctionTypes = null)
    {
        // functions.metadata read and its entry points found on the core that is idle while the builder is created.
        var extra = extraFunctionTypes ?? [];
        var indexing = Task.Run(() => FunctionIndex.Load(AppContext.BaseDirectory, extra));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (!StorageConnection.IsConfigured(builder.Configuration))
        {
            // The WebJobs SDK reads the connection itself; give it the app's default, Azurite on its default ports.
            // Identity-based settings (AzureWebJobsStorage__queueServiceUri, …) it reads as they are.
            builder.Configuration[ServerlessHubServices.StorageSetting] = StorageConnection.DevelopmentStorage;
        }

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // First: it starts the first storage probe, which then runs on another core while the rest is configured.
        builder.Services.AddServerlessHub(builder.Configuration);
        var functions = indexing.GetAwaiter().GetResult();
        builder.Services.AddSingleton(functions);
        builder.Services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LocalHostOptions>, LocalHostOptionsValidator>();
        // Stopping waits for the timer runs (their grace period, validated at start) and for the queue listener, which
        // cancels in-flight functions at once and waits for them to settle their messages.
        builder.Services.Configure<HostOptions>(hostOptions => hostOptions.ShutdownTimeout = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(10));
        if (builder.Configuration.GetValue($"{LocalHostOptions.Section}:{nameof(LocalHostOptions.RunTriggers)}", true))
        {
            // host.json as AddServerlessHub read it: parsing it again would be start-up time for nothing.
            var host = (HostSettings)builder.Services.Single(d => d.ServiceType == typeof(HostSettings)).ImplementationInstance!;
            builder.Configuration.AddInMemoryCollection(QueueListeners.Settings(host.Queues));
            var triggers = builder.Services.Count;
            builder.Services.AddHostedService<QueueCreation>();
            IReadOnlyList<Type> triggerTypes = [typeof(QueueTriggers), .. extra];
            builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<QueueListeners>(services, triggerTypes));
            builder.Services.AddSingleton<TimerStatusStore>().AddHostedService<TimerTriggers>();
            TriggerStart.Defer(builder.Services, triggers);
        }

        return builder;
    }

    /// <summary>
    /// Runs the app until it is stopped. When the listen address is taken it writes one line on
    /// <paramref name="error"/> saying so and how to choose another, and returns 1; otherwise it returns 0.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var builder = CreateBuilder(args);
        var starting = true;
        // A hosted service that fails to start is logged by the generic host with its whole stack, then rethrown. Here
        // that entry is only ever a duplicate: a taken port gets the line below, anything else is rethrown and printed
        // once, stack included, as an unhandled exception. The rule replaces the default minimum for this one category,
        // hence the Information floor (below it the host only traces its own start and stop).
        builder.Logging.AddFilter(GenericHostCategory, level => level >= LogLevel.Information && !(starting && level == LogLevel.Error));
        await using var app = Build(builder);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            var urls = app.Configuration[WebHostDefaults.ServerUrlsKey];
            await error.WriteLineAsync(HostArguments.English(args)
                ? $"Cannot listen on {urls}: the port is in use. Stop the program that holds it, or choose another address with --urls (or ASPNETCORE_URLS), e.g. --urls http://127.0.0.1:7080."
                : $"无法监听 {urls}：端口已被占用。请先停止占用该端口的程序，或用 --urls（或环境变量 ASPNETCORE_URLS）换一个地址，例如 --urls http://127.0.0.1:7080。").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            starting = false;
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private const string GenericHostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HttpFailures.WriteAsync });
        app.UseStatusCodePages();
        var functions = app.Services.GetRequiredService<FunctionIndex>();
        app.MapHttpFunctions(functions.Http, app.Services.GetRequiredService<HostSettings>().RoutePrefix);
        LocalHostLog.Started(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ServerlessHub.LocalHost"),
            functions.Http.Count(), functions.Queues.Count(), functions.Timers.Count(), AppContext.BaseDirectory);
        return app;
    }
}

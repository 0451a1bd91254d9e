using ServerlessHub.WeCom.Simulation.AiBot;
using ServerlessHub.WeCom.Simulation.AppMessages;
using ServerlessHub.WeCom.Simulation.Chats;
using ServerlessHub.WeCom.Simulation.Faults;
using ServerlessHub.WeCom.Simulation.Inspection;
using ServerlessHub.WeCom.Simulation.Members;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Robots;
using ServerlessHub.WeCom.Simulation.Tokens;

namespace ServerlessHub.WeCom.Simulation;

/// <summary>
/// Registers and maps the simulator. Each WeCom surface is one <c>Map…</c> group; a new surface (such as sending
/// encrypted callbacks as a member) is another folder with its own <c>Map…</c> call here.
/// </summary>
public static class WeComSimulatorComposition
{
    /// <summary>Registers the simulator's state and JSON shapes.</summary>
    public static IServiceCollection AddWeComSimulator(this IServiceCollection services, WeComSimulatorOptions options, TimeProvider timeProvider)
    {
        // The clock is handed to the simulator's own parts only: registering a fake TimeProvider as a service would
        // also reach ASP.NET Core's internals.
        services.AddSingleton(options);
        services.AddSingleton(new SimulatorClock(timeProvider));
        services.AddSingleton(new TokenRegistry(options, timeProvider));
        services.AddSingleton(new RobotRateWindow(options, timeProvider));
        services.AddSingleton(new ChatRegistry(options));
        services.AddSingleton(new FaultPlan(timeProvider));
        services.AddSingleton(new ResponseUrlRegistry(timeProvider));
        services.AddHttpClient(nameof(MemberCallbacks));
        services.AddSingleton(provider => new MemberCallbacks(provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(MemberCallbacks)), options.CorpId, timeProvider));
        services.AddSingleton(provider => new MessageLog(timeProvider, provider.GetRequiredService<ILogger<WeComSimulator>>()));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SimulatorJsonContext.Default));
        return services;
    }

    /// <summary>One readable console line per event; framework chatter only from warnings up.</summary>
    public static ILoggingBuilder AddWeComSimulatorConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        return logging;
    }

    /// <summary>Maps WeCom's endpoints and the simulator's own pages.</summary>
    public static IEndpointRouteBuilder MapWeComSimulator(this IEndpointRouteBuilder routes)
    {
        routes.MapTokens();
        routes.MapRobots();
        routes.MapAppMessages();
        routes.MapChats();
        routes.MapAiBotResponses();
        routes.MapInspection();
        routes.MapMembers();
        return routes;
    }
}

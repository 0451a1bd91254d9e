using ServerlessHub.WeComSimulator.AppMessages;
using ServerlessHub.WeComSimulator.Chats;
using ServerlessHub.WeComSimulator.Inspection;
using ServerlessHub.WeComSimulator.Recording;
using ServerlessHub.WeComSimulator.Robots;
using ServerlessHub.WeComSimulator.Tokens;

namespace ServerlessHub.WeComSimulator;

/// <summary>
/// Registers and maps the simulator. Each WeCom surface is one <c>Map…</c> group; a new surface (such as sending
/// encrypted callbacks as a member) is another folder with its own <c>Map…</c> call here.
/// </summary>
public static class WeComSimulatorComposition
{
    /// <summary>Registers the simulator's state and JSON shapes.</summary>
    public static IServiceCollection AddWeComSimulator(this IServiceCollection services, WeComSimulatorOptions options, TimeProvider timeProvider)
    {
        services.AddSingleton(options);
        services.AddSingleton(timeProvider);
        services.AddSingleton<TokenRegistry>();
        services.AddSingleton<RobotRateWindow>();
        services.AddSingleton<ChatRegistry>();
        services.AddSingleton<MessageLog>();
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
        routes.MapInspection();
        return routes;
    }
}

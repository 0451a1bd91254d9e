using System.Net;
using ServerlessHub.Health;
using ServerlessHub.Hubs;
using ServerlessHub.Inbound;
using ServerlessHub.Leave;
using ServerlessHub.OpenApi;
using ServerlessHub.Outbound;
using ServerlessHub.Outbox;
using ServerlessHub.Replies;
using ServerlessHub.Runtime;
using ServerlessHub.Runtime.Invocation;
using ServerlessHub.Submissions;
using ServerlessHub.Tick;
using ServerlessHub.WeComBot;
using ServerlessHub.WeComCallback;

namespace ServerlessHub;

/// <summary>The composition root, shared by <c>Program</c>, the tests and the benchmarks.</summary>
public static class ServerlessHubApp
{
    /// <summary>The app setting that the Functions host sets when it runs this executable as its custom handler.</summary>
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The standalone address when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise (the Functions local port).</summary>
    public const string DefaultStandaloneUrl = "http://127.0.0.1:7071";

    /// <param name="args">Command-line arguments.</param>
    /// <param name="settings">App settings that override every other source (tests and benchmarks use this).</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var hostPort = builder.Configuration[CustomHandlerPortSetting];
        if (hostPort is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, int.Parse(hostPort, System.Globalization.CultureInfo.InvariantCulture)));
        }
        else if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultStandaloneUrl);
        }

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        var storage = RuntimeServices.StorageAccountFrom(builder.Configuration);
        builder.Services.AddRuntime(builder.Configuration, storage, underFunctionsHost: hostPort is not null);
        builder.Services.AddHealth(storage);
        builder.Services.AddTick();
        builder.Services.AddHubs();
        builder.Services.AddSubmissions();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, HealthJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, SubmissionsJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, HubsJsonContext.Default);
        });
        builder.Services.AddOutbound();
        builder.Services.AddReplies();
        builder.Services.AddInbound();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        if (app.Configuration[CustomHandlerPortSetting] is not null)
        {
            app.MapInvocations();
        }

        app.MapHealth();
        app.MapManageHub();
        app.MapManageHubKeys();
        app.MapSubmissionList();
        app.MapSubmissionItem();
        app.MapPeriodStatus();
        app.MapAdHocPeriods();
        app.MapLeave();
        app.MapLeaveItem();
        app.MapOpenApiDocument();
        app.MapOutbox();
        app.MapWeComCallback();
        app.MapWeComBot();
        app.EnsureAllHttpFunctionsMapped();
        app.Services.EnsureAllTriggerFunctionsHandled();
        return app;
    }

    public static WebApplication Build(string[] args) => Build(CreateBuilder(args));
}

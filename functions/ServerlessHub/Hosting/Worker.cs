using Microsoft.Azure.Functions.Worker.Builder;
using ServerlessHub.Http;

namespace ServerlessHub.Hosting;

/// <summary>
/// The worker under Azure Functions: the ASP.NET Core integration for HTTP functions, the product's services, and
/// OpenTelemetry to Application Insights when the app has its connection string.
/// </summary>
public static class Worker
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<HttpFailureMiddleware>();
        builder.Services.AddServerlessHub(builder.Configuration);
        builder.Services.AddWorkerTelemetry(builder.Configuration);
        return builder;
    }
}

using Microsoft.Azure.Functions.Worker.Builder;
using ServerlessHub.Http;

namespace ServerlessHub.Hosting;

/// <summary>The worker under Azure Functions: the ASP.NET Core integration for HTTP functions and the product's services.</summary>
public static class Worker
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<HttpFailureMiddleware>();
        builder.Services.AddServerlessHub(builder.Configuration);
        return builder;
    }
}

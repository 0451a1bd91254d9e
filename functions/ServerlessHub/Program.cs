using Microsoft.Azure.Functions.Worker.Builder;
using ServerlessHub;
using ServerlessHub.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpFailureMiddleware>();
builder.Services.AddServerlessHub(builder.Configuration);
await builder.Build().RunAsync();

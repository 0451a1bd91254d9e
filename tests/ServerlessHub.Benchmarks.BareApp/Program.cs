// The same builder as ServerlessHubApp (CreateSlimBuilder), so the cold-start ratio measures what our app adds on
// top of the framework, not the difference between the default and slim builders.
var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/api/health", () => "healthy");
await app.RunAsync();

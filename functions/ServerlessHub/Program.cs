var app = ServerlessHub.ServerlessHubApp.Build(args);
await app.RunAsync();

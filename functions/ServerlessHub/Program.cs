if (ServerlessHub.Commands.Handles(args))
{
    return await ServerlessHub.Commands.RunAsync(args, null, Console.Out, Console.Error);
}

var app = ServerlessHub.ServerlessHubApp.Build(args);
await app.RunAsync();
return 0;

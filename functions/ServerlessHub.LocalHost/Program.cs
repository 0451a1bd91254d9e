using ServerlessHub.LocalHost;

if (Commands.Handles(args))
{
    return await Commands.RunAsync(args, null, Console.Out, Console.Error);
}

var app = LocalHostApp.Build(LocalHostApp.CreateBuilder(args));
await app.RunAsync();
return 0;

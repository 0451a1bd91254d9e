using ServerlessHub.LocalHost;

return Commands.Handles(args)
    ? await Commands.RunAsync(args, null, Console.Out, Console.Error)
    : await LocalHostApp.RunAsync(args, Console.Error);

using ServerlessHub.Benchmarks.ColdStart;

return args switch
{
    ["cold-start", .. var options] => await ColdStartCommand.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/ServerlessHub.Benchmarks -- cold-start [options]

          --iterations N        measured runs of each app (default 15)
          --warmup N            discarded runs of each app first (default 2)
          -p:Name=Value         an extra publish property, applied to both apps (repeatable)
          -e:Name=Value         an extra environment variable for both apps' processes (repeatable)
        """);
    return 2;
}

using ServerlessHub.WeCom.Simulation;

// Run: dotnet run --project infra/WeComSimulator -- --urls http://127.0.0.1:5080
// Settings come from simulator.json beside the executable, then --config FILE, then command-line overrides such as
// --WeComSimulator:RobotKeys:0=my-key or --WeComSimulator:Apps:0:Secret=my-secret.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "simulator.json"), optional: true);
if (builder.Configuration["config"] is { Length: > 0 } configFile)
{
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
}

builder.Configuration.AddCommandLine(args);
var options = builder.Configuration.GetSection("WeComSimulator").Get<WeComSimulatorOptions>() ?? new WeComSimulatorOptions();
builder.Services.AddWeComSimulator(options, TimeProvider.System);
builder.Logging.AddWeComSimulatorConsole();

var app = builder.Build();
app.MapWeComSimulator();
app.Run();

using ServerlessHub.WeCom.Simulation;

// Run: dotnet run --project infra/WeComSimulator -- --urls http://127.0.0.1:5080
// Settings come from --config FILE, or else simulator.json beside the executable (a demo tenant), then command-line
// overrides such as --WeComSimulator:RobotKeys:0=my-key or --WeComSimulator:Apps:0:Secret=my-secret.
// The files are alternatives, not layers: .NET configuration merges arrays by index, which would mix two key lists.
var builder = WebApplication.CreateSlimBuilder(args);
var configFile = builder.Configuration["config"] is { Length: > 0 } given
    ? Path.GetFullPath(given)
    : Path.Combine(AppContext.BaseDirectory, "simulator.json");
builder.Configuration.AddJsonFile(configFile, optional: false);
builder.Configuration.AddCommandLine(args);
var options = builder.Configuration.GetSection("WeComSimulator").Get<WeComSimulatorOptions>() ?? new WeComSimulatorOptions();
builder.Services.AddWeComSimulator(options, TimeProvider.System);
builder.Logging.AddWeComSimulatorConsole();

var app = builder.Build();
app.MapWeComSimulator();
app.Run();

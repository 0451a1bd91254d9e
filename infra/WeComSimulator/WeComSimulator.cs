using ServerlessHub.WeCom.Simulation.AiBot;
using ServerlessHub.WeCom.Simulation.Faults;
using ServerlessHub.WeCom.Simulation.Recording;
using ServerlessHub.WeCom.Simulation.Tokens;

namespace ServerlessHub.WeCom.Simulation;

/// <summary>
/// The simulator hosted in-process on 127.0.0.1, for tests: start it, point clients at <see cref="BaseAddress"/>,
/// then read what it received from <see cref="Messages"/>. Pass a fake <see cref="TimeProvider"/> to move the robot
/// rate window and token expiry without waiting.
/// </summary>
public sealed class WeComSimulator : IAsyncDisposable
{
    private readonly WeComSimulatorOptions options;
    private readonly TimeProvider timeProvider;
    private WebApplication? app;

    /// <summary>Creates a simulator; nothing listens until <see cref="StartAsync"/>.</summary>
    public WeComSimulator(WeComSimulatorOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The root URL the simulator listens on, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The messages accepted so far, in arrival order.</summary>
    public IReadOnlyList<RecordedMessage> Messages => Service<MessageLog>().Snapshot();

    /// <summary>The issued access tokens, to count gettoken calls or make tokens expire or become invalid.</summary>
    public TokenRegistry Tokens => Service<TokenRegistry>();

    /// <summary>Faults to strike the next sending calls with: slow answers, HTTP errors, busy, 45009, dropped connections.</summary>
    public FaultPlan Faults => Service<FaultPlan>();

    /// <summary>
    /// A new AI-bot <c>response_url</c> on this simulator, usable once within an hour, as WeCom puts in each AI-bot
    /// message callback; what is posted to it is recorded as <see cref="SimulatedChannel.AiBotResponse"/>.
    /// </summary>
    public Uri IssueResponseUrl() =>
        new(BaseAddress, "cgi-bin/aibot/response?response_code=" + Service<ResponseUrlRegistry>().Issue());

    /// <summary>Starts listening on 127.0.0.1.</summary>
    /// <param name="port">The port, or 0 for a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns><see cref="BaseAddress"/>.</returns>
    public async Task<Uri> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        if (app is not null)
        {
            throw new InvalidOperationException("The simulator is already started.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddWeComSimulator(options, timeProvider);
        builder.Logging.AddWeComSimulatorConsole();
        app = builder.Build();
        app.MapWeComSimulator();
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return BaseAddress;
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    private T Service<T>()
        where T : notnull =>
        app is null ? throw new InvalidOperationException("Start the simulator first.") : app.Services.GetRequiredService<T>();
}

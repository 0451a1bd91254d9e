using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessHub.LocalHost;

namespace ServerlessHub.Testing;

/// <summary>One running local host of the function app, in this process, on 127.0.0.1 and a free port.</summary>
public sealed class HubInstance : IAsyncDisposable
{
    private HubInstance(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Starts an instance. <paramref name="settings"/> are app settings (e.g. AzureWebJobsStorage);
    /// <paramref name="configureServices"/> replaces the clock or adds what test functions need;
    /// <paramref name="functionTypes"/> are test function classes served beside the app's.
    /// </summary>
    public static async Task<HubInstance> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyList<Type>? functionTypes = null,
        CancellationToken cancellationToken = default)
    {
        var builder = LocalHostApp.CreateBuilder([], settings, functionTypes);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configureServices?.Invoke(builder.Services);
        var app = LocalHostApp.Build(builder);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HubInstance(app, new Uri(address));
    }

    private bool _stopped;

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_stopped)
        {
            _stopped = true;
            await App.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops the instance (a no-op when stopped already), then disposes it: disposing a running host would leave its
    /// queue listeners and timers working against disposed services.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>
/// A second Kestrel server in the benchmark's own process, built with the same slim builder as the app, whose
/// <c>/bare</c> answers 200 with no work (POST reads the body first). The app serves only its own functions, so the
/// baseline lives beside it rather than inside it: same process, same runtime, same CPU.
/// </summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareEndpoint(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<BareEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/bare", () => Results.Ok());
        app.MapPost("/bare", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new BareEndpoint(app, new Uri(new Uri(app.Urls.First()), "/bare"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}

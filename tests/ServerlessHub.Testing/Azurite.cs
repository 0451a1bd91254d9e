using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ServerlessHub.Testing;

/// <summary>
/// A private, in-memory Azurite on ports the OS picks, so tests never clash with a developer's running instance or
/// with each other. Installed by <c>npm ci</c> in infra/azurite (the test script does it).
/// </summary>
public sealed partial class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly AzuriteTls? _tls;
    private readonly string? _location;
    private Process _process;

    private Azurite(Process process, AzuriteTls? tls, string? location, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _tls = tls;
        _location = location;
        Scheme = tls is null ? "http" : "https";
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary><c>http</c>, or <c>https</c> when started with <see cref="AzuriteTls"/>.</summary>
    public string Scheme { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The account's service URIs, as identity-based settings name them (<c>AzureWebJobsStorage__queueServiceUri</c>).</summary>
    public Uri BlobServiceUri => new($"{Scheme}://127.0.0.1:{BlobPort}/devstoreaccount1");

    public Uri QueueServiceUri => new($"{Scheme}://127.0.0.1:{QueuePort}/devstoreaccount1");

    public Uri TableServiceUri => new($"{Scheme}://127.0.0.1:{TablePort}/devstoreaccount1");

    /// <summary>A full connection string: <c>UseDevelopmentStorage=true</c> only reaches the default ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol={Scheme};AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"QueueEndpoint={QueueServiceUri};TableEndpoint={TableServiceUri};";

    public static string Executable { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "infra", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");

    public static Task<Azurite> StartAsync(CancellationToken cancellationToken = default) => StartAsync(null, cancellationToken);

    /// <param name="tls">
    /// Serve HTTPS with this certificate and accept OAuth bearer tokens besides the account key, as Azure Storage
    /// accepts a managed identity's tokens (Azurite checks a token's issuer, audience and lifetime, not its signature);
    /// null for plain HTTP and the account key only.
    /// </param>
    /// <param name="cancellationToken">Cancels waiting for Azurite to listen.</param>
    public static async Task<Azurite> StartAsync(AzuriteTls? tls, CancellationToken cancellationToken = default)
    {
        var (process, blob, queue, table) = await LaunchAsync(tls, null, (0, 0, 0), cancellationToken).ConfigureAwait(false);
        return new Azurite(process, tls, null, blob, queue, table);
    }

    /// <summary>
    /// Starts an Azurite that keeps its data on disk in <paramref name="location"/>, so that <see cref="StopAsync"/> and
    /// <see cref="RestartAsync"/> take storage away and bring it back, data and ports unchanged, as an outage would.
    /// </summary>
    public static async Task<Azurite> StartPersistentAsync(string location, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        var (process, blob, queue, table) = await LaunchAsync(null, location, (0, 0, 0), cancellationToken).ConfigureAwait(false);
        return new Azurite(process, null, location, blob, queue, table);
    }

    /// <summary>Stops Azurite as an operator would (SIGTERM: it saves its data and exits); its ports then refuse connections.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill could not be started."))
        {
            await kill.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a stopped persistent Azurite again, on the same ports, with the data it saved.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_location is null)
        {
            throw new InvalidOperationException("Only an Azurite started with StartPersistentAsync keeps its data across a restart.");
        }

        if (!_process.HasExited)
        {
            throw new InvalidOperationException("Stop Azurite before restarting it.");
        }

        _process.Dispose();
        (_process, _, _, _) = await LaunchAsync(_tls, _location, (BlobPort, QueuePort, TablePort), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes every queue message that is invisible now visible, in the data a stopped persistent Azurite saved: the
    /// state of the queues once those messages' visibility timeouts have run out. A queue listener hides each message
    /// it takes for 10 minutes (the WebJobs SDK's fixed receive visibility) and shortens that when the function fails;
    /// a listener that dies, or cannot reach storage to release a message, leaves it hidden for the whole 10 minutes.
    /// Tests call this instead of waiting them out.
    /// </summary>
    /// <returns>How many messages were invisible.</returns>
    public async Task<int> ExpireQueueInvisibilityAsync(CancellationToken cancellationToken = default)
    {
        if (_location is null || !_process.HasExited)
        {
            throw new InvalidOperationException("Only a stopped persistent Azurite's saved data can be changed.");
        }

        // Azurite keeps queue messages in a LokiJS database file, each with timeNextVisible in Unix milliseconds.
        var path = System.IO.Path.Combine(_location, "__azurite_db_queue__.json");
        var database = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var expired = 0;
        foreach (var collection in database["collections"]!.AsArray())
        {
            if ((string?)collection!["name"] != "$MESSAGES_COLLECTION$")
            {
                continue;
            }

            foreach (var message in collection["data"]!.AsArray())
            {
                if (message!["timeNextVisible"] is { } visible && (long)visible > now)
                {
                    message["timeNextVisible"] = now;
                    expired++;
                }
            }
        }

        await File.WriteAllTextAsync(path, database.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return expired;
    }

    private static async Task<(Process Process, int Blob, int Queue, int Table)> LaunchAsync(
        AzuriteTls? tls, string? location, (int Blob, int Queue, int Table) ports, CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {Executable}. Run `npm ci --prefix infra/azurite` (./test.sh does it).");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                Executable, "--blobPort", Port(ports.Blob), "--queuePort", Port(ports.Queue), "--tablePort", Port(ports.Table),
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetTempPath(),
        };
        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        if (tls is not null)
        {
            foreach (var argument in new[] { "--cert", tls.CertificatePemPath, "--key", tls.KeyPemPath, "--oauth", "basic" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        int? blob = null, queue = null, table = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (blob is null || queue is null || table is null)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Azurite exited: {await process.StandardError.ReadToEndAsync(timeout.Token).ConfigureAwait(false)}");
                if (Listening().Match(line) is { Success: true } match)
                {
                    var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    switch (match.Groups["service"].Value)
                    {
                        case "Blob": blob = port; break;
                        case "Queue": queue = port; break;
                        case "Table": table = port; break;
                    }
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        // Keep draining output so Azurite never blocks on a full pipe.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        return (process, blob.Value, queue.Value, table.Value);
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}

/// <summary>The PEM files of the certificate (and its private key) Azurite serves HTTPS with.</summary>
public sealed record AzuriteTls(string CertificatePemPath, string KeyPemPath);

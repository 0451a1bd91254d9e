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

    private readonly Process _process;

    private Azurite(Process process, string scheme, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        Scheme = scheme;
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
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {Executable}. Run `npm ci --prefix infra/azurite` (./test.sh does it).");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Executable, "--inMemoryPersistence", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0", "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1", "--skipApiVersionCheck", "--disableTelemetry", "--loose" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetTempPath(),
        };
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
        return new Azurite(process, tls is null ? "http" : "https", blob.Value, queue.Value, table.Value);
    }

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

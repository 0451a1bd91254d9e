using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessHub.Testing;

namespace ServerlessHub.Hosting;

/// <summary>
/// The local host with identity-based storage settings only, as the app runs on Azure: Azurite over HTTPS accepting
/// bearer tokens, and a managed identity endpoint of the kind App Service and Functions provide (IDENTITY_ENDPOINT,
/// IDENTITY_HEADER) issuing them. The app's own clients and the WebJobs SDK's queue listener must both get tokens for
/// the configured user-assigned identity and reach storage with them. The host runs as a child process, because
/// trusting Azurite's self-signed certificate (SSL_CERT_FILE) and the identity endpoint are process-wide settings.
/// </summary>
public sealed partial class IdentityStorageTests : IAsyncLifetime
{
    private const string ClientId = "5e3c1f0a-7b2d-4c19-9a8e-2f6d0b4c1e77";
    private readonly string _folder = Directory.CreateTempSubdirectory("serverlesshub-identity-").FullName;
    private readonly string _identityHeader = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly ConcurrentQueue<(string Resource, string ClientId)> _tokenRequests = new();
    private X509Certificate2 _certificate = null!;
    private Azurite _azurite = null!;
    private WebApplication _identityEndpoint = null!;
    private Process? _host;

    [Fact]
    public async Task LocalHost_WithManagedIdentitySettings_ReachesTablesAndQueues_AndListensToQueues()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = await StartHostAsync(ct);
        using var http = new HttpClient { BaseAddress = address };

        // The app's own clients: the health answer probes tables and queues (the first probe may still be getting its
        // first token when the host starts listening).
        await Polling.UntilAsync(async () => (await http.GetAsync("/api/health", ct)).IsSuccessStatusCode, ct);

        Assert.Equal("healthy", (await http.GetFromJsonAsync<JsonElement>("/api/health", ct)).GetProperty("status").GetString());
        Assert.Contains(_tokenRequests, r => r.ClientId == ClientId && r.Resource.TrimEnd('/') == "https://storage.azure.com");
        Assert.DoesNotContain(_tokenRequests, r => r.ClientId != ClientId);

        // The WebJobs SDK's listener: a message that can never be delivered ends up on outbound-poison, moved by the
        // Outbound function through the app's clients.
        var queues = new QueueServiceClient(_azurite.ConnectionString, TrustingAzurite(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        await queues.GetQueueClient("outbound").CreateIfNotExistsAsync(cancellationToken: ct);
        await queues.GetQueueClient("outbound").SendMessageAsync("not a SendMessage", ct);
        var poison = queues.GetQueueClient("outbound-poison");
        await Polling.UntilAsync(async () => (await poison.ExistsAsync(ct)).Value && (await poison.PeekMessagesAsync(1, ct)).Value.Length == 1, ct);
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _certificate = CreateCertificate();
        var certificatePem = Path.Combine(_folder, "azurite.crt.pem");
        var keyPem = Path.Combine(_folder, "azurite.key.pem");
        await File.WriteAllTextAsync(certificatePem, _certificate.ExportCertificatePem(), ct);
        await File.WriteAllTextAsync(keyPem, _certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(), ct);
        _azurite = await Azurite.StartAsync(new AzuriteTls(certificatePem, keyPem), ct);
        _identityEndpoint = await StartIdentityEndpointAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }

        _host?.Dispose();
        await _identityEndpoint.DisposeAsync();
        await _azurite.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Starts the built local host with identity-based settings only; returns its address once it listens.</summary>
    private async Task<Uri> StartHostAsync(CancellationToken cancellationToken)
    {
        var identity = _identityEndpoint.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ServerlessHub.LocalHost.dll"), "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["AzureWebJobsStorage__tableServiceUri"] = _azurite.TableServiceUri.AbsoluteUri,
                ["AzureWebJobsStorage__queueServiceUri"] = _azurite.QueueServiceUri.AbsoluteUri,
                ["AzureWebJobsStorage__blobServiceUri"] = _azurite.BlobServiceUri.AbsoluteUri,
                ["AzureWebJobsStorage__credential"] = "managedidentity",
                ["AzureWebJobsStorage__clientId"] = ClientId,
                ["IDENTITY_ENDPOINT"] = $"{identity}/msi/token",
                ["IDENTITY_HEADER"] = _identityHeader,
                // .NET on Linux reads its trusted roots from here: Azurite's self-signed certificate only.
                ["SSL_CERT_FILE"] = Path.Combine(_folder, "azurite.crt.pem"),
                ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.200",
            },
        };
        start.Environment.Remove("AzureWebJobsStorage");
        _host = Process.Start(start) ?? throw new InvalidOperationException("The local host could not be started.");
        var errors = _host.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        var output = new StringBuilder();
        while (await _host.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            output.AppendLine(line);
            if (Listening().Match(line) is { Success: true } match)
            {
                // Keep draining output so the host never blocks on a full pipe.
                _ = _host.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return new Uri(match.Groups["address"].Value);
            }
        }

        throw new InvalidOperationException($"The local host exited before listening:\n{output}\n{await errors}");
    }

    /// <summary>
    /// A managed identity endpoint as App Service serves it (api-version 2019-08-01): GET with the X-IDENTITY-HEADER
    /// secret, the resource and the client id of a user-assigned identity, answered with a bearer token for that resource.
    /// </summary>
    private async Task<WebApplication> StartIdentityEndpointAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/msi/token", (HttpRequest request) =>
        {
            if (request.Headers["X-IDENTITY-HEADER"] != _identityHeader)
            {
                return Results.Unauthorized();
            }

            var resource = request.Query["resource"].ToString();
            var clientId = request.Query["client_id"].ToString();
            _tokenRequests.Enqueue((resource, clientId));
            var now = DateTimeOffset.UtcNow;
            var expires = now.AddHours(1).ToUnixTimeSeconds();
            return Results.Json(new Dictionary<string, string>
            {
                ["access_token"] = Jwt(new Dictionary<string, object>
                {
                    ["aud"] = resource,
                    ["iss"] = "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
                    ["iat"] = now.ToUnixTimeSeconds(),
                    ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
                    ["exp"] = expires,
                    ["appid"] = clientId,
                }),
                ["expires_on"] = expires.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = resource,
                ["token_type"] = "Bearer",
                ["client_id"] = clientId,
            });
        });
        await app.StartAsync(cancellationToken);
        return app;
    }

    // Azurite's basic OAuth check reads the claims and does not verify the signature.
    private static string Jwt(Dictionary<string, object> claims)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("""{"alg":"RS256","typ":"JWT"}""")}.{Part(JsonSerializer.Serialize(claims))}.{Part("unsigned")}";
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>This test's own clients trust Azurite's certificate, and nothing else's, without changing the process.</summary>
    private TOptions TrustingAzurite<TOptions>(TOptions options)
        where TOptions : Azure.Core.ClientOptions
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString(),
            },
        };
        options.Transport = new HttpClientTransport(handler);
        return options;
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

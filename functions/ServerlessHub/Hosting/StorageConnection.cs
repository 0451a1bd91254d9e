using Azure.Core;
using Azure.Identity;
using ServerlessHub.Storage;

namespace ServerlessHub.Hosting;

/// <summary>
/// Reads the <c>AzureWebJobsStorage</c> setting as the Functions host reads it, so the app's own clients reach the
/// account the host's queue triggers use, as the same identity: either a connection string, or identity-based settings
/// beneath it (<c>AzureWebJobsStorage__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__credential</c>,
/// <c>__clientId</c>).
/// </summary>
/// <remarks>
/// Service URIs rather than <c>__accountName</c>: an account name implies the public cloud's endpoint suffix, so it
/// cannot name an account in Azure China (<c>core.chinacloudapi.cn</c>).
/// </remarks>
public static class StorageConnection
{
    /// <summary>The emulator on its default ports, the account when nothing is configured.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>The <c>__credential</c> value that selects a managed identity, as in the Functions host.</summary>
    public const string ManagedIdentity = "managedidentity";

    private const string Setting = ServerlessHubServices.StorageSetting;

    /// <summary>Whether <c>AzureWebJobsStorage</c> is set at all, as a connection string or as identity-based settings.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Setting);
        return !string.IsNullOrEmpty(section.Value) || section.GetChildren().Any();
    }

    /// <summary>
    /// The account: the connection string when <c>AzureWebJobsStorage</c> holds one, the identity-based settings when it
    /// has them, Azurite on its default ports when it is not set.
    /// </summary>
    /// <exception cref="InvalidOperationException">An identity-based setting is missing or unusable; the message names it.</exception>
    public static StorageAccount AccountFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Setting);
        if (section.Value is { Length: > 0 } connectionString)
        {
            return new StorageAccount(connectionString);
        }

        if (!IsConfigured(configuration))
        {
            return new StorageAccount(DevelopmentStorage);
        }

        var tables = ServiceUri(section, "tableServiceUri");
        var queues = ServiceUri(section, "queueServiceUri");
        var clientId = section["clientId"] is { Length: > 0 } id ? id : null;
        Func<TokenCredential> credential = section["credential"] switch
        {
            // Without a credential setting the host uses the default chain too: a developer's Azure CLI or azd login
            // locally (the deployment hook's admin-key command), the managed identity on Azure.
            null or "" => () => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }),
            var named when named.Equals(ManagedIdentity, StringComparison.OrdinalIgnoreCase) => () => new ManagedIdentityCredential(
                clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId)),
            var other => throw new InvalidOperationException(
                $"{Setting}__credential is '{other}': the app supports '{ManagedIdentity}' (with {Setting}__clientId for a user-assigned identity), or no credential setting for the default Azure credential chain."),
        };
        return new StorageAccount(tables, queues, credential);
    }

    private static Uri ServiceUri(IConfigurationSection section, string name)
    {
        var value = section[name];
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException(
                $"{Setting}__{name} is not set. Identity-based storage needs {Setting}__tableServiceUri and {Setting}__queueServiceUri (an account name alone is not enough: its endpoints differ per cloud).");
        }

        // Bearer tokens are only ever sent over TLS; the Azure SDK refuses them on http.
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new InvalidOperationException($"{Setting}__{name} must be an https URI such as https://<account>.{ServiceWord(name)}.core.windows.net, not '{value}'.");
    }

    private static string ServiceWord(string name) => name.Replace("ServiceUri", "", StringComparison.Ordinal);
}

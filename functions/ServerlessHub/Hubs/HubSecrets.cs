using System.Text.RegularExpressions;

namespace ServerlessHub.Hubs;

/// <summary>
/// Reads the secrets a hub definition refers to. <c>@setting:NAME</c> is the app setting NAME. A Key Vault reference
/// is read from the app setting named after the secret (its <c>SecretName</c>, or the name in its <c>SecretUri</c>,
/// with '-' as '_' because app setting names cannot hold '-'), whose value in App Service is that same
/// <c>@Microsoft.KeyVault(…)</c> reference: App Service resolves Key Vault references in app settings, not in our data.
/// An inline value is used only when the hub allows inline secrets.
/// </summary>
public sealed partial class HubSecrets(IConfiguration configuration)
{
    /// <returns>The secret, or null when it is not available (unset, unresolved by App Service, or inline but not allowed).</returns>
    public string? Resolve(Hub hub, SecretReference reference)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(reference);
        var value = reference.Source switch
        {
            SecretSource.AppSetting => configuration[reference.Value],
            SecretSource.KeyVault => SettingNameOf(reference.Value) is { } name ? configuration[name] : null,
            SecretSource.Inline => hub.Definition.AllowInlineSecrets ? reference.Value : null,
            _ => null,
        };

        // An App Service reference it could not resolve stays in the setting verbatim; it is not the secret.
        return string.IsNullOrWhiteSpace(value) || value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal) ? null : value.Trim();
    }

    /// <summary>The app setting a Key Vault reference is read from, e.g. <c>wecom_secret</c> for <c>SecretName=wecom-secret</c>.</summary>
    public static string? SettingNameOf(string keyVaultReference)
    {
        ArgumentNullException.ThrowIfNull(keyVaultReference);
        var match = SecretName().Match(keyVaultReference);
        if (!match.Success)
        {
            match = SecretUriName().Match(keyVaultReference);
        }

        return match.Success ? match.Groups["name"].Value.Replace('-', '_') : null;
    }

    [GeneratedRegex(@"SecretName=(?<name>[0-9A-Za-z-]+)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"SecretUri=https://[^/;]+/secrets/(?<name>[0-9A-Za-z-]+)")]
    private static partial Regex SecretUriName();
}

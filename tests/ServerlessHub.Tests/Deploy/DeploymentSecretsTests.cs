using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessHub.Hubs;
using ServerlessHub.Testing;

namespace ServerlessHub.Deploy;

/// <summary>
/// No secret in any file: parameter files only name azd environment values (or Key Vault), app settings hold
/// identifiers, endpoints and Key Vault references, and no resource reads a key.
/// </summary>
[Collection(nameof(InfrastructureFixture))]
public sealed partial class DeploymentSecretsTests(InfrastructureFixture infrastructure)
{
    // Text that only a secret or a key-based connection carries.
    private static readonly string[] SecretMarkers =
        ["AccountKey=", "SharedAccessSignature", "SharedAccessKey", "sig=", "listKeys(", "listSecrets(", "listConnectionStrings(", "Password=", "InstrumentationKey="];

    public static TheoryData<string> ParameterFiles() =>
        [.. Directory.EnumerateFiles(Bicep.Infra, "*.parameters.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))];

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFile_HoldsOnlyAzdEnvironmentReferences(string file)
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)));
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(infrastructure.BuildFolder, "main.json")));
        var declared = template.RootElement.GetProperty("parameters");

        Assert.All(parameters.RootElement.GetProperty("parameters").EnumerateObject(), parameter =>
        {
            Assert.True(declared.TryGetProperty(parameter.Name, out var declaration), $"{parameter.Name} is not a parameter of main.bicep.");
            var isSecure = declaration.GetProperty("type").GetString()!.StartsWith("secure", StringComparison.OrdinalIgnoreCase);
            if (parameter.Value.TryGetProperty("reference", out var reference))
            {
                Assert.True(reference.TryGetProperty("keyVault", out _), $"{parameter.Name} refers to something other than Key Vault.");
                return;
            }

            var value = parameter.Value.GetProperty("value");
            Assert.False(isSecure, $"{parameter.Name} is secure, so it must come from Key Vault, not a value.");
            Assert.Equal(JsonValueKind.String, value.ValueKind);
            var match = AzdReference().Match(value.GetString()!);
            Assert.True(match.Success, $"{parameter.Name} = '{value}' is not an azd environment reference like ${{NAME}} or ${{NAME=default}}.");
            Assert.DoesNotMatch(SecretLooking(), match.Groups["default"].Value);
        });
    }

    [Fact]
    public void AppSettings_BothPlans_HoldNoSecretValue()
    {
        foreach (var (plan, settings) in new[] { ("flex", infrastructure.Flex.AppSettings), ("consumption-windows", infrastructure.Windows.AppSettings) })
        {
            Assert.All(settings, setting =>
            {
                Assert.DoesNotContain(SecretMarkers, marker => setting.Value.Contains(marker, StringComparison.OrdinalIgnoreCase));
                if (SecretName().IsMatch(setting.Key))
                {
                    Assert.True(IsKeyVaultReference(setting.Value), $"{plan}: {setting.Key} looks like a secret, so it must be a Key Vault reference, not '{setting.Value}'.");
                }
            });
        }
    }

    [Fact]
    public void KeyVaultSettings_AreReferencesThatTheAppReadsUnderTheSameName()
    {
        foreach (var settings in new[] { infrastructure.Flex.AppSettings, infrastructure.Windows.AppSettings })
        {
            Assert.All(InfrastructureFixture.KeyVaultSettings, name =>
            {
                Assert.True(settings.TryGetValue(name, out var value) && IsKeyVaultReference(value), $"{name} is not a Key Vault reference.");
                var secretName = KeyVaultSecretName().Match(value!).Groups["name"].Value;
                Assert.Equal(name.Replace('_', '-'), secretName);
                // The app reads a hub's Key Vault reference from the app setting named after the secret (HubSecrets).
                Assert.Equal(name, HubSecrets.SettingNameOf($"@Microsoft.KeyVault(VaultName=kv-demo;SecretName={secretName})"));
            });
        }
    }

    [Fact]
    public void Resources_ReadNoKeys_AndAllowNoKeyAccess()
    {
        foreach (var snapshot in new[] { infrastructure.Flex, infrastructure.Windows })
        {
            var everything = snapshot.Document!.RootElement.GetProperty("predictedResources").GetRawText();
            Assert.DoesNotContain(SecretMarkers, marker => everything.Contains(marker, StringComparison.OrdinalIgnoreCase));
            var storage = snapshot.OfType("Microsoft.Storage/storageAccounts").Single().GetProperty("properties");
            Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
            Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
            Assert.True(snapshot.OfType("Microsoft.Insights/components").Single().GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
            Assert.True(snapshot.OfType("Microsoft.KeyVault/vaults").Single().GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        }
    }

    private static bool IsKeyVaultReference(string value) => value.Contains("@Microsoft.KeyVault(VaultName=", StringComparison.Ordinal);

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*(=(?<default>[^}]*))?\}$")]
    private static partial Regex AzdReference();

    // Long runs of key-like characters, as in keys, tokens and EncodingAESKeys.
    [GeneratedRegex(@"[A-Za-z0-9+/=_-]{32,}")]
    private static partial Regex SecretLooking();

    [GeneratedRegex(@"(SECRET|TOKEN|PASSWORD|_KEY$|AES)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"'(?<name>[0-9A-Za-z-]+)'\)\]$")]
    private static partial Regex KeyVaultSecretName();
}

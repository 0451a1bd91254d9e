namespace ServerlessHub.Hubs;

/// <summary>The settings of the hub's self-built WeCom app (自建应用).</summary>
/// <param name="CorpId">The enterprise's CorpID (also the receive id of app callbacks).</param>
/// <param name="AgentId">The app's AgentId.</param>
/// <param name="Token">The callback token used in message signatures.</param>
/// <param name="EncodingAesKey">The callback EncodingAESKey (43 characters).</param>
/// <param name="Secret">The app secret used to get access tokens.</param>
public sealed record WeComAppSettings(string CorpId, int AgentId, SecretReference Token, SecretReference EncodingAesKey, SecretReference Secret);

/// <summary>The settings of the hub's WeCom AI bot (智能机器人), whose callbacks are JSON.</summary>
/// <param name="BotId">The bot's id (aibotid).</param>
/// <param name="Token">The callback token.</param>
/// <param name="EncodingAesKey">The callback EncodingAESKey.</param>
public sealed record AiBotSettings(string BotId, SecretReference Token, SecretReference EncodingAesKey);

/// <summary>Where a secret's value comes from.</summary>
public enum SecretSource
{
    /// <summary>An app setting (environment variable), written <c>@setting:NAME</c>.</summary>
    AppSetting,
    /// <summary>An Azure Key Vault reference, written <c>@Microsoft.KeyVault(SecretUri=…)</c> or
    /// <c>@Microsoft.KeyVault(VaultName=…;SecretName=…)</c> as in App Service.</summary>
    KeyVault,
    /// <summary>The value itself, allowed only with <c>allowInlineSecrets: true</c> (development).</summary>
    Inline,
}

/// <summary>
/// A secret by reference. <see cref="Value"/> is the app setting name, the whole Key Vault reference, or for
/// <see cref="SecretSource.Inline"/> the secret itself — which <see cref="ToString"/> never shows.
/// </summary>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Value">The setting name, the Key Vault reference, or the inline value.</param>
public sealed record SecretReference(SecretSource Source, string Value)
{
    /// <inheritdoc />
    public override string ToString() => Source switch
    {
        SecretSource.AppSetting => "@setting:" + Value,
        SecretSource.KeyVault => Value,
        _ => "(inline secret)",
    };
}

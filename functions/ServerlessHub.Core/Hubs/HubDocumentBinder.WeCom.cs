using System.Text.RegularExpressions;
using ServerlessHub.Hubs.Documents;

namespace ServerlessHub.Hubs;

internal sealed partial class HubDocumentBinder
{
    private const string SettingPrefix = "@setting:";
    private const string KeyVaultPrefix = "@Microsoft.KeyVault(";

    private static readonly string[] WeComProperties = ["corpId", "agentId", "token", "encodingAesKey", "secret"];
    private static readonly string[] AiBotProperties = ["botId", "token", "encodingAesKey"];
    private static readonly string[] ChannelProperties = ["id", "kind", "webhook", "chatId", "people", "roles"];

    private static readonly (string, ChannelKind)[] ChannelKinds =
        [("robot-webhook", ChannelKind.RobotWebhook), ("app-chat", ChannelKind.AppChat), ("app-users", ChannelKind.AppUsers)];

    private enum ChannelKind
    {
        RobotWebhook,
        AppChat,
        AppUsers,
    }

    private WeComAppSettings? WeCom(DocumentNode node, string path)
    {
        if (Properties.Open(node, path, errors, WeComProperties) is not { } app)
        {
            return null;
        }

        string? corpId = Identifier(app, "corpId", CorpId(), "a WeCom CorpID (letters and digits, at most 64)", "企业微信 CorpID（字母和数字，最多 64 个）");
        int? agentId = read.Missing(app, "agentId") ? null : read.Integer(app, "agentId", 1, int.MaxValue);
        SecretReference? token = Secret(app, "token", required: true);
        SecretReference? aesKey = Secret(app, "encodingAesKey", required: true, InlineAesKey);
        SecretReference? secret = Secret(app, "secret", required: true);
        return corpId is not null && agentId is { } agent && token is not null && aesKey is not null && secret is not null
            ? new WeComAppSettings(corpId, agent, token, aesKey, secret)
            : null;
    }

    private AiBotSettings? AiBot(DocumentNode node, string path)
    {
        if (Properties.Open(node, path, errors, AiBotProperties) is not { } bot)
        {
            return null;
        }

        string? botId = Identifier(bot, "botId", BotId(), "a WeCom AI bot id (letters, digits, '-' and '_', at most 64)", "企业微信智能机器人 ID（字母、数字、'-' 或 '_'，最多 64 个）");
        SecretReference? token = Secret(bot, "token", required: true);
        SecretReference? aesKey = Secret(bot, "encodingAesKey", required: true, InlineAesKey);
        return botId is not null && token is not null && aesKey is not null ? new AiBotSettings(botId, token, aesKey) : null;
    }

    private string? Identifier(Properties owner, string name, Regex shape, string whatEnglish, string whatChinese)
    {
        if (read.String(owner, name, required: true, 64) is not { } value)
        {
            return null;
        }

        if (shape.IsMatch(value))
        {
            return value;
        }

        errors.Add(owner.PathOf(name), owner[name]!.Position, HubDefinitionErrorCodes.BadWeComId,
            $"'{Excerpt.Of(value)}' is not {whatEnglish}", $"'{Excerpt.Of(value)}' 不是有效的{whatChinese}");
        return null;
    }

    // The EncodingAESKey is 43 Base64 characters: Base64(key + "=") gives the 32-byte AES key (WeCom callback docs).
    private bool InlineAesKey(string value) => AesKey().IsMatch(value);

    /// <summary>
    /// A secret: <c>@setting:NAME</c>, an App Service Key Vault reference, or — with <c>allowInlineSecrets</c> — the
    /// value itself. Messages never quote an inline value.
    /// </summary>
    private SecretReference? Secret(Properties owner, string name, bool required, Func<string, bool>? inlineShape = null)
    {
        if (read.String(owner, name, required, HubDefinitionLimits.MaxSecretLength) is not { } value)
        {
            return null;
        }

        string path = owner.PathOf(name);
        SourcePosition position = owner[name]!.Position;
        if (value.StartsWith(SettingPrefix, StringComparison.Ordinal))
        {
            string setting = value[SettingPrefix.Length..];
            if (SettingName().IsMatch(setting))
            {
                return new SecretReference(SecretSource.AppSetting, setting);
            }

            errors.Add(path, position, HubDefinitionErrorCodes.BadSecretReference,
                $"'{Excerpt.Of(setting)}' is not an app setting name; use letters, digits, '_', '.', ':' and '-', starting with a letter or '_'",
                $"'{Excerpt.Of(setting)}' 不是有效的应用设置名称；请使用字母、数字、'_'、'.'、':' 或 '-'，并以字母或 '_' 开头");
            return null;
        }

        if (value.StartsWith('@'))
        {
            if (value.StartsWith(KeyVaultPrefix, StringComparison.Ordinal) && value.EndsWith(')') && IsKeyVaultReference(value[KeyVaultPrefix.Length..^1]))
            {
                return new SecretReference(SecretSource.KeyVault, value);
            }

            errors.Add(path, position, HubDefinitionErrorCodes.BadSecretReference,
                $"'{Excerpt.Of(value)}' is not a secret reference; write @setting:NAME, @Microsoft.KeyVault(SecretUri=https://…) or @Microsoft.KeyVault(VaultName=…;SecretName=…)",
                $"'{Excerpt.Of(value)}' 不是有效的密钥引用；请写作 @setting:名称、@Microsoft.KeyVault(SecretUri=https://…) 或 @Microsoft.KeyVault(VaultName=…;SecretName=…)");
            return null;
        }

        if (!allowInlineSecrets)
        {
            errors.Add(path, position, HubDefinitionErrorCodes.InlineSecret,
                "secrets must not be written inline; write @setting:NAME (an app setting) or a @Microsoft.KeyVault(...) reference, or set allowInlineSecrets: true for development only",
                "密钥不能直接写在定义中；请写作 @setting:名称（应用设置）或 @Microsoft.KeyVault(...) 引用，仅在开发环境可设置 allowInlineSecrets: true");
            return null;
        }

        if (inlineShape is not null && !inlineShape(value))
        {
            errors.Add(path, position, HubDefinitionErrorCodes.BadWeComId,
                "an EncodingAESKey is 43 letters and digits", "EncodingAESKey 应为 43 个字母和数字");
            return null;
        }

        return new SecretReference(SecretSource.Inline, value);
    }

    // App Service Key Vault references: SecretUri=https://… or VaultName=…;SecretName=…[;SecretVersion=…]
    // (learn.microsoft.com, app-service-key-vault-references).
    private static bool IsKeyVaultReference(string body)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !parts.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                return false;
            }
        }

        if (parts.Keys.Any(k => k is not ("SecretUri" or "VaultName" or "SecretName" or "SecretVersion")))
        {
            return false;
        }

        return parts.TryGetValue("SecretUri", out string? uri)
            ? parts.Count == 1 && Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.Scheme == Uri.UriSchemeHttps
            : parts.TryGetValue("VaultName", out string? vault) && vault.Length > 0
                && parts.TryGetValue("SecretName", out string? secret) && secret.Length > 0;
    }

    private List<Channel> Channels(Properties hub)
    {
        var found = new List<Channel>();
        IReadOnlyList<DocumentNode> items = read.List(hub, "channels", HubDefinitionLimits.MaxChannels) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(hub.PathOf("channels"), i);
            if (Properties.Open(items[i], path, errors, ChannelProperties) is not { } channel)
            {
                continue;
            }

            string? id = channelIds.Add(channel, read.Id(channel, "id"));
            Channel? bound = read.OneOf(channel, "kind", required: true, ChannelKinds, "a channel kind", "渠道类型") switch
            {
                ChannelKind.RobotWebhook => RobotWebhook(channel, id),
                ChannelKind.AppChat => AppChat(channel, id),
                ChannelKind.AppUsers => AppUsers(channel, id),
                _ => null,
            };
            if (bound is not null)
            {
                found.Add(bound);
            }
        }

        return found;
    }

    private RobotWebhookChannel? RobotWebhook(Properties channel, string? id)
    {
        NotAllowed(channel, "robot-webhook", "chatId", "people", "roles");
        SecretReference? webhook = Secret(channel, "webhook", required: true);
        return id is not null && webhook is not null ? new RobotWebhookChannel(id, webhook) : null;
    }

    private AppChatChannel? AppChat(Properties channel, string? id)
    {
        NotAllowed(channel, "app-chat", "webhook", "people", "roles");
        NeedsWeCom(channel, "app-chat");

        // appchat/create: a chatid is at most 32 characters of 0-9, a-z, A-Z.
        string? chatId = Identifier(channel, "chatId", ChatId(), "a WeCom chat id (at most 32 letters and digits)", "企业微信群聊 chatid（最多 32 个字母和数字）");
        return id is not null && chatId is not null ? new AppChatChannel(id, chatId) : null;
    }

    private AppUsersChannel? AppUsers(Properties channel, string? id)
    {
        NotAllowed(channel, "app-users", "webhook", "chatId");
        NeedsWeCom(channel, "app-users");
        var recipients = new List<string>();
        IReadOnlyList<DocumentNode> items = read.List(channel, "people", HubDefinitionLimits.MaxPeople) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(channel.PathOf("people"), i);
            if (read.String(items[i], path, 64) is not { } userId)
            {
                continue;
            }

            if (!personIds.Declares(userId))
            {
                errors.Add(path, items[i].Position, HubDefinitionErrorCodes.UnknownReference,
                    $"there is no person '{Excerpt.Of(userId)}' in 'people'", $"'people' 中没有 UserID 为 '{Excerpt.Of(userId)}' 的人员");
                continue;
            }

            recipients.Add(userId);
        }

        var roles = new List<PersonRole>();
        IReadOnlyList<DocumentNode> roleItems = read.List(channel, "roles", Roles.Length) ?? [];
        for (int i = 0; i < roleItems.Count; i++)
        {
            if (read.OneOf(roleItems[i], Properties.Index(channel.PathOf("roles"), i), Roles, "a role", "角色") is { } role && !roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return id is not null ? new AppUsersChannel(id, recipients, roles) : null;
    }

    private void NotAllowed(Properties channel, string kind, params string[] names)
    {
        foreach (string name in names)
        {
            if (channel[name] is { } node)
            {
                errors.Add(channel.PathOf(name), node.Position, HubDefinitionErrorCodes.PropertyNotAllowed,
                    $"'{name}' does not apply to a {kind} channel", $"'{name}' 不适用于 {kind} 类型的渠道");
            }
        }
    }

    private void NeedsWeCom(Properties channel, string kind)
    {
        if (!hasWeCom)
        {
            errors.Add(channel.PathOf("kind"), channel["kind"]!.Position, HubDefinitionErrorCodes.NoDelivery,
                $"a {kind} channel sends through the WeCom app, and 'wecom' is not set",
                $"{kind} 类型的渠道通过企业微信应用发送，但未配置 'wecom'");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9]{1,64}\z")]
    private static partial Regex CorpId();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex BotId();

    [GeneratedRegex(@"^[A-Za-z0-9]{43}\z")]
    private static partial Regex AesKey();

    [GeneratedRegex(@"^[0-9a-zA-Z]{1,32}\z")]
    private static partial Regex ChatId();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.:-]{0,127}\z")]
    private static partial Regex SettingName();
}

using System.Text;
using Microsoft.Extensions.Configuration;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Outbound;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

public sealed class OutboundPiecesTests
{
    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=kv1;SecretName=wecom-secret)", "wecom_secret")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv1.vault.azure.net/secrets/robot-key/0123abcd)", "robot_key")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv1)", null)]
    public void SettingNameOf_KeyVaultReference_IsTheSecretNameWithUnderscores(string reference, string? expected) =>
        Assert.Equal(expected, HubSecrets.SettingNameOf(reference));

    [Fact]
    public void Resolve_KeyVaultSettingStillUnresolved_IsNotTheSecret()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["resolved_one"] = "s3cret",
            ["unresolved_one"] = "@Microsoft.KeyVault(VaultName=kv1;SecretName=unresolved-one)",
        }).Build();
        var secrets = new HubSecrets(configuration);
        var hub = TestHub(allowInline: false);

        Assert.Equal("s3cret", secrets.Resolve(hub, new SecretReference(SecretSource.KeyVault, "@Microsoft.KeyVault(VaultName=kv1;SecretName=resolved-one)")));
        Assert.Null(secrets.Resolve(hub, new SecretReference(SecretSource.KeyVault, "@Microsoft.KeyVault(VaultName=kv1;SecretName=unresolved-one)")));
        Assert.Null(secrets.Resolve(hub, new SecretReference(SecretSource.Inline, "inline-value")));
        Assert.Equal("inline-value", secrets.Resolve(TestHub(allowInline: true), new SecretReference(SecretSource.Inline, "inline-value")));
    }

    [Theory]
    [InlineData("693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa", "693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-123", "abc-123")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?debug=1&key=a%2Bb", "a+b")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send", null)]
    [InlineData("not a key", null)]
    public void RobotKeyOf_KeyOrWebhookUrl_GivesTheKey(string webhook, string? expected) =>
        Assert.Equal(expected, DestinationResolver.RobotKeyOf(webhook));

    [Fact]
    public void Split_BotReplyOverTheLimit_IsCutIntoOnePartWithANote()
    {
        var message = new SendMessage("hub-a", "r", Destination.BotResponse("https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=x"),
            MessageFormat.Markdown, string.Join("\n", Enumerable.Repeat("本周进展：完成课程游戏化教研活动。", 300)));

        var (parts, note) = OutboundFunction.Split(message, new BotResponseTarget(new Uri(message.To.ResponseUrl!)));

        var part = Assert.Single(parts);
        Assert.InRange(Encoding.UTF8.GetByteCount(part), 1, WeComContentLimits.RobotMarkdownBytes);
        Assert.StartsWith("本周进展", part, StringComparison.Ordinal);
        Assert.EndsWith("其余部分未能发送）", part, StringComparison.Ordinal);
        Assert.NotNull(note);
    }

    [Theory]
    [InlineData("reminder/2026-W47#a?b\\c%", "reminder%2F2026-W47%23a%3Fb%5Cc%25")]
    [InlineData("digest:weekly#3", "digest:weekly%233")]
    public void RowKeyOf_TableKeyCharacters_ArePercentEncoded(string deliveryId, string rowKey) =>
        Assert.Equal(rowKey, OutboxStore.RowKeyOf(deliveryId));

    private static Hub TestHub(bool allowInline)
    {
        var document = $"""
            id: test-hub
            name: 测试
            allowInlineSecrets: {(allowInline ? "true" : "false")}
            units:
              - {"{"} id: a, name: 甲 {"}"}
            people:
              - {"{"} userId: zhang, name: 张三, unit: a, roles: [liaison] {"}"}
            reports:
              - id: weekly
                title: 周报
                cadence: weekly
                due: {"{"} from: start, days: 4, time: "17:00" {"}"}
                fields:
                  - {"{"} id: progress, label: 本周进展, type: text {"}"}
            """;
        var parsed = HubDefinitionParser.Parse(document);
        Assert.Empty(parsed.Errors);
        return new Hub(parsed.Definition!, 1);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using ServerlessHub.LocalHost;

namespace ServerlessHub.Hosting;

/// <summary>Settings that cannot work stop the app at start, with a message that names them.</summary>
public sealed class StartupTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("LocalHost:ShutdownGracePeriod", "00:10:00", "ShutdownGracePeriod")]
    [InlineData("Outbound:RobotMessagesPerWindow", "0", "RobotMessagesPerWindow")]
    [InlineData("Inbound:CallbackClockSkew", "2.00:00:00", "CallbackClockSkew")]
    [InlineData("WeCom:Timeout", "00:00:00", "Timeout")]
    [InlineData("ApiKeys:CacheDuration", "00:02:00", "CacheDuration")]
    [InlineData("Retention:InboundDedupe", "01:00:00", "InboundDedupe")]
    public async Task Start_SettingOutOfRange_FailsNamingTheSetting(string setting, string value, string named)
    {
        await using var app = Build(new() { [setting] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(_ct));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WeComBaseUrlNotHttp_Fails()
    {
        await using var app = Build(new() { ["WeCom:BaseUrl"] = "ftp://example.com" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(_ct));

        Assert.Contains("WeCom:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedStorageConnectionString_FailsNamingTheSetting()
    {
        await using var app = Build(new() { ["AzureWebJobsStorage"] = "this is not a connection string" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync(_ct));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DefaultSettings_Starts()
    {
        await using var app = Build([]);

        await app.StartAsync(_ct);
        await app.StopAsync(_ct);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        // Nothing listens on port 1, so the start-up storage probe fails at once without touching a real account.
        settings.TryAdd("AzureWebJobsStorage", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;");
        settings["LocalHost:RunTriggers"] = "false";
        var builder = LocalHostApp.CreateBuilder([], settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return LocalHostApp.Build(builder);
    }
}

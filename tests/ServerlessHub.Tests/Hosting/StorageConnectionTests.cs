using Microsoft.Extensions.Configuration;
using ServerlessHub.LocalHost;

namespace ServerlessHub.Hosting;

/// <summary>
/// <c>AzureWebJobsStorage</c> as the Functions host reads it: a connection string (Azurite, every other test), or
/// identity-based settings naming the service URIs; anything unusable stops start-up naming the setting.
/// </summary>
public sealed class StorageConnectionTests
{
    private static readonly Dictionary<string, string?> Identity = new()
    {
        ["AzureWebJobsStorage:tableServiceUri"] = "https://stdemo.table.core.chinacloudapi.cn/",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stdemo.queue.core.chinacloudapi.cn/",
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stdemo.blob.core.chinacloudapi.cn/",
        ["AzureWebJobsStorage:credential"] = "managedidentity",
        ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-00000000c11d",
    };

    [Fact]
    public void AccountFrom_ConnectionString_ReachesItsEndpoints()
    {
        var account = StorageConnection.AccountFrom(Configuration(WorkerContractTests.Settings()));

        Assert.Equal(new Uri("http://127.0.0.1:1/devstoreaccount1"), account.Tables.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:1/devstoreaccount1"), account.Queues.Uri);
    }

    [Fact]
    public void AccountFrom_NothingSet_IsAzuriteOnItsDefaultPorts()
    {
        var account = StorageConnection.AccountFrom(Configuration([]));

        Assert.Equal(10002, account.Tables.Uri.Port);
        Assert.Equal(10001, account.Queues.Uri.Port);
    }

    [Fact]
    public void AccountFrom_IdentitySettings_ReachTheServiceUrisOfAnyCloud()
    {
        var account = StorageConnection.AccountFrom(Configuration(Identity));

        Assert.Equal(new Uri("https://stdemo.table.core.chinacloudapi.cn/"), account.Tables.Uri);
        Assert.Equal(new Uri("https://stdemo.queue.core.chinacloudapi.cn/"), account.Queues.Uri);
        Assert.Equal("stdemo", account.Queues.AccountName);
    }

    [Theory]
    [InlineData("queueServiceUri", null, "AzureWebJobsStorage__queueServiceUri is not set")]
    [InlineData("tableServiceUri", null, "AzureWebJobsStorage__tableServiceUri is not set")]
    [InlineData("tableServiceUri", "http://stdemo.table.core.windows.net/", "AzureWebJobsStorage__tableServiceUri must be an https URI")]
    [InlineData("queueServiceUri", "stdemo", "AzureWebJobsStorage__queueServiceUri must be an https URI")]
    [InlineData("credential", "clientsecret", "AzureWebJobsStorage__credential is 'clientsecret'")]
    public void AccountFrom_UnusableIdentitySetting_FailsNamingIt(string setting, string? value, string message)
    {
        var settings = new Dictionary<string, string?>(Identity) { [$"AzureWebJobsStorage:{setting}"] = value };

        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.AccountFrom(Configuration(settings)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountFrom_AccountNameAlone_AsksForServiceUris()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.AccountFrom(Configuration(new() { ["AzureWebJobsStorage:accountName"] = "stdemo" })));

        Assert.Contains("an account name alone is not enough", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalHost_IdentitySettings_ReachTheWebJobsSdkAsTheyAre()
    {
        var builder = LocalHostApp.CreateBuilder([], Identity);

        // No connection string is slipped in beside them: the WebJobs SDK would take it over the identity settings.
        Assert.Null(builder.Configuration["AzureWebJobsStorage"]);
        Assert.Equal("https://stdemo.queue.core.chinacloudapi.cn/", builder.Configuration["AzureWebJobsStorage:queueServiceUri"]);
    }

    [Fact]
    public void LocalHost_NoStorageSetting_GivesTheWebJobsSdkAzurite()
    {
        var builder = LocalHostApp.CreateBuilder([], new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "" });

        Assert.Equal(StorageConnection.DevelopmentStorage, builder.Configuration["AzureWebJobsStorage"]);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}

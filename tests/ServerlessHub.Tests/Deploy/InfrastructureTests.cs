using System.Reflection;
using System.Text.Json;
using ServerlessHub.Storage;

namespace ServerlessHub.Deploy;

/// <summary>
/// What infra/main.bicep deploys, read from the compiler's evaluation of it: the app's tables and queues, identity-based
/// storage settings, the roles they need, the Flex Consumption app and its options, and the Windows Consumption one.
/// </summary>
[Collection(nameof(InfrastructureFixture))]
public sealed class InfrastructureTests(InfrastructureFixture infrastructure)
{
    // Built-in role ids (Azure built-in roles reference).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public void Storage_DeclaresEveryTableAndQueueTheAppNames()
    {
        var (tables, queues) = NamedInCode();

        Assert.NotEmpty(tables);
        Assert.Empty(tables.Except(infrastructure.Flex.Names("Microsoft.Storage/storageAccounts/tableServices/tables")));
        Assert.Empty(queues.Except(infrastructure.Flex.Names("Microsoft.Storage/storageAccounts/queueServices/queues")));
    }

    [Fact]
    public void AppSettings_BothPlans_ReachStorageByServiceUrisAndManagedIdentity()
    {
        foreach (var settings in new[] { infrastructure.Flex.AppSettings, infrastructure.Windows.AppSettings })
        {
            Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
            Assert.Contains(".outputs.clientId.value", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
            foreach (var service in new[] { "blob", "queue", "table" })
            {
                Assert.Contains($".outputs.{service}Endpoint.value", settings[$"AzureWebJobsStorage__{service}ServiceUri"], StringComparison.Ordinal);
            }

            // No connection string, and no account name: its endpoints would be the public cloud's.
            Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
            Assert.DoesNotContain("AzureWebJobsStorage__accountName", settings.Keys);
            Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
            Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);
        }
    }

    [Fact]
    public void Roles_GiveTheAppIdentityWhatTheHostTheTriggersAndTheAppNeed_AndTheDeployerSecretsAndTables()
    {
        var assignments = infrastructure.Flex.OfType("Microsoft.Authorization/roleAssignments")
            .Select(r => r.GetProperty("properties"))
            .Select(p => (Role: p.GetProperty("roleDefinitionId").GetString()!, Principal: p.GetProperty("principalId").GetString()!))
            .ToList();

        foreach (var role in new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, KeyVaultSecretsUser, MonitoringMetricsPublisher })
        {
            Assert.Contains(assignments, a => a.Role.EndsWith(role, StringComparison.Ordinal) && a.Principal.Contains(".outputs.principalId.value", StringComparison.Ordinal));
        }

        foreach (var role in new[] { KeyVaultSecretsOfficer, StorageTableDataContributor })
        {
            Assert.Contains(assignments, a => a.Role.EndsWith(role, StringComparison.Ordinal) && a.Principal == InfrastructureFixture.DeployerId);
        }
    }

    [Fact]
    public void FlexApp_RunsDotnetIsolated10_FromAPackageContainerReadByItsIdentity()
    {
        var site = infrastructure.Flex.OfType("Microsoft.Web/sites").Single();
        var config = site.GetProperty("properties").GetProperty("functionAppConfig");
        var plan = infrastructure.Flex.OfType("Microsoft.Web/serverfarms").Single();

        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("api", site.GetProperty("tags").GetProperty("azd-service-name").GetString());
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());
        var storage = config.GetProperty("deployment").GetProperty("storage");
        Assert.Equal("UserAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Contains(".outputs.blobEndpoint.value", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains(".outputs.deploymentContainerName.value", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        var scale = config.GetProperty("scaleAndConcurrency");
        Assert.Equal(2048, scale.GetProperty("instanceMemoryMB").GetInt32());
        Assert.Equal(40, scale.GetProperty("maximumInstanceCount").GetInt32());
        var alwaysReady = Assert.Single(scale.GetProperty("alwaysReady").EnumerateArray());
        Assert.Equal("http", alwaysReady.GetProperty("name").GetString());
        Assert.Equal(1, alwaysReady.GetProperty("instanceCount").GetInt32());
        Assert.Contains("identity", site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FlexApp_HasNoSettingThatFlexConsumptionRejects()
    {
        string[] rejected = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "SCM_DO_BUILD_DURING_DEPLOYMENT", "FUNCTIONS_WORKER_PROCESS_COUNT"];
        var site = infrastructure.Flex.OfType("Microsoft.Web/sites").Single().GetProperty("properties").GetProperty("siteConfig");

        Assert.DoesNotContain(infrastructure.Flex.AppSettings.Keys, name => rejected.Contains(name) || name.StartsWith("WEBSITE_CONTENT", StringComparison.Ordinal));
        Assert.False(site.TryGetProperty("linuxFxVersion", out _));
        Assert.False(site.TryGetProperty("netFrameworkVersion", out _));
        Assert.Equal("OpenTelemetry", infrastructure.Flex.AppSettings["AzureFunctionsJobHost__telemetryMode"]);
    }

    [Fact]
    public void StaticOutboundIp_SendsTheAppsTrafficThroughANatGatewayWithAStaticIp()
    {
        var ip = infrastructure.Flex.OfType("Microsoft.Network/publicIPAddresses").Single().GetProperty("properties");
        var subnet = infrastructure.Flex.OfType("Microsoft.Network/virtualNetworks").Single().GetProperty("properties").GetProperty("subnets")[0].GetProperty("properties");
        var site = infrastructure.Flex.OfType("Microsoft.Web/sites").Single().GetProperty("properties");

        Assert.Equal("Static", ip.GetProperty("publicIPAllocationMethod").GetString());
        Assert.Single(infrastructure.Flex.OfType("Microsoft.Network/natGateways"));
        Assert.True(subnet.TryGetProperty("natGateway", out _));
        Assert.Equal("Microsoft.App/environments", subnet.GetProperty("delegations")[0].GetProperty("properties").GetProperty("serviceName").GetString());
        Assert.Contains(".outputs.appSubnetId.value", site.GetProperty("virtualNetworkSubnetId").GetString(), StringComparison.Ordinal);
        Assert.Empty(infrastructure.Windows.OfType("Microsoft.Network/natGateways"));
    }

    [Fact]
    public void WindowsConsumption_RunsDotnetIsolated10FromAPackageBlobReadByItsIdentity_WithoutAzureFiles()
    {
        var plan = infrastructure.Windows.OfType("Microsoft.Web/serverfarms").Single();
        var site = infrastructure.Windows.OfType("Microsoft.Web/sites").Single();
        var settings = infrastructure.Windows.AppSettings;

        Assert.Equal("Y1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("functionapp", site.GetProperty("kind").GetString());
        Assert.Equal("v10.0", site.GetProperty("properties").GetProperty("siteConfig").GetProperty("netFrameworkVersion").GetString());
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"]);
        Assert.Contains(".outputs.blobEndpoint.value", settings["WEBSITE_RUN_FROM_PACKAGE"], StringComparison.Ordinal);
        Assert.EndsWith("'serverlesshub.zip')]", settings["WEBSITE_RUN_FROM_PACKAGE"], StringComparison.Ordinal);
        Assert.Contains("identity", settings["WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"], StringComparison.Ordinal);
        Assert.DoesNotContain(settings.Keys, name => name.StartsWith("WEBSITE_CONTENT", StringComparison.Ordinal));
        Assert.Equal("chinanorth3", site.GetProperty("location").GetString());
    }

    [Fact]
    public async Task WindowsConsumption_WithStaticOutboundIp_IsRefusedWithAReason()
    {
        var snapshot = await Bicep.SnapshotAsync(new Dictionary<string, string>
        {
            ["environmentName"] = "'demo-cn'",
            ["location"] = "'chinanorth3'",
            ["hostingPlan"] = "'consumption-windows'",
            ["enableStaticOutboundIp"] = "true",
        }, "chinanorth3", TestContext.Current.CancellationToken);

        Assert.Null(snapshot.Document);
        Assert.Contains("enableStaticOutboundIp needs hostingPlan flex", snapshot.Run.Printed, StringComparison.Ordinal);
    }

    /// <summary>Table and queue names the app's code declares, and the poison queue of each queue-triggered function.</summary>
    private static (HashSet<string> Tables, HashSet<string> Queues) NamedInCode()
    {
        var constants = new[] { typeof(StorageAccount).Assembly, typeof(ServerlessHubServices).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToList();
        var tables = constants.Where(f => f.Name == "TableName").Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var queues = constants.Where(f => f.Name is "QueueName" or "PoisonQueueName").Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        foreach (var trigger in metadata.RootElement.EnumerateArray().SelectMany(f => f.GetProperty("bindings").EnumerateArray()).Where(b => b.GetProperty("type").GetString() == "queueTrigger"))
        {
            queues.Add(trigger.GetProperty("queueName").GetString()!);
            queues.Add(trigger.GetProperty("queueName").GetString() + "-poison");
        }

        return (tables, queues);
    }
}

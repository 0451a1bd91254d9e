using ServerlessHub.Testing;

namespace ServerlessHub.Deploy;

/// <summary>
/// Runs the Bicep compiler once for the deployment tests: every file under infra/ built and linted, and infra/main.bicep
/// evaluated for a Flex Consumption deployment with every option on and for a Windows Consumption one.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    /// <summary>App settings the hubs name (hubs/demo/jiangning-kindergartens.yaml), deployed as Key Vault references.</summary>
    public static readonly string[] KeyVaultSettings = ["JNKG_WECOM_SECRET", "JNKG_WECOM_AES_KEY", "JNKG_LEADERS_ROBOT_KEY"];

    public const string DeployerId = "11111111-2222-3333-4444-555555555555";

    public string BuildFolder { get; } = Directory.CreateTempSubdirectory("serverlesshub-arm-").FullName;

    public ToolRun Build { get; private set; } = null!;

    public ToolRun Lint { get; private set; } = null!;

    /// <summary>Flex Consumption with an always-ready instance, a static outbound IP, Key Vault settings and a deployer.</summary>
    public Snapshot Flex { get; private set; } = null!;

    /// <summary>Windows Consumption in an Azure China region, with the same Key Vault settings.</summary>
    public Snapshot Windows { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = $"'{string.Join(", ", KeyVaultSettings)}'";
        var build = Bicep.RunAsync(["build", "--pattern", "infra/**/*.bicep", "--outdir", BuildFolder], RepositoryRoot.Path, ct);
        var lint = Bicep.RunAsync(["lint", "--pattern", "infra/**/*.bicep"], RepositoryRoot.Path, ct);
        var flex = Bicep.SnapshotAsync(new Dictionary<string, string>
        {
            ["environmentName"] = "'demo'",
            ["location"] = "'eastasia'",
            ["alwaysReadyInstances"] = "1",
            ["enableStaticOutboundIp"] = "true",
            ["keyVaultReferenceSettings"] = settings,
            ["principalId"] = $"'{DeployerId}'",
        }, "eastasia", ct);
        var windows = Bicep.SnapshotAsync(new Dictionary<string, string>
        {
            ["environmentName"] = "'demo-cn'",
            ["location"] = "'chinanorth3'",
            ["hostingPlan"] = "'consumption-windows'",
            ["keyVaultReferenceSettings"] = settings,
        }, "chinanorth3", ct);
        (Build, Lint, Flex, Windows) = (await build, await lint, await flex, await windows);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(BuildFolder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The deployment tests share one run of the compiler.</summary>
[CollectionDefinition(nameof(InfrastructureFixture))]
public sealed class InfrastructureGroup : ICollectionFixture<InfrastructureFixture>;

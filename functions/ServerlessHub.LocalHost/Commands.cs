using System.Globalization;
using System.Text.Json;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.LocalHost;

/// <summary>
/// The command line of the <c>ServerlessHub</c> executable besides running the app:
/// <c>hub apply FILE…</c>, <c>hub key create HUB --name NAME</c>, <c>admin-key create --name NAME</c> and
/// <c>dev-keys FILE HUB…</c>. They use the app's configuration (AzureWebJobsStorage, local.settings.json).
/// </summary>
internal static class Commands
{
    public static bool Handles(string[] args) => args is ["hub", ..] or ["admin-key", ..] or ["dev-keys", ..];

    /// <param name="args">The command line.</param>
    /// <param name="settings">App settings over the usual sources (tests use this), or null.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    /// <returns>The exit code: 0 done, 1 refused, 2 usage.</returns>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var english = args.Contains("--lang=en", StringComparer.Ordinal) || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) || a.StartsWith("--name=", StringComparison.Ordinal)).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddServerlessHub(configuration).BuildServiceProvider();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        switch (words)
        {
            case ["hub", "apply", .. var files] when files.Length > 0:
                return await ApplyAsync(services.GetRequiredService<HubDefinitions>(), files, english, output, error, cancellationToken).ConfigureAwait(false);
            case ["hub", "key", "create", var hubId, var name] when name.StartsWith("--name=", StringComparison.Ordinal):
                if (await services.GetRequiredService<HubStore>().GetCurrentAsync(hubId, cancellationToken).ConfigureAwait(false) is null)
                {
                    await error.WriteLineAsync(english ? $"There is no hub '{hubId}'; apply its definition first." : $"没有中枢“{hubId}”，请先应用它的定义。").ConfigureAwait(false);
                    return 1;
                }

                await output.WriteLineAsync(await services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyScope.Hub, hubId, name["--name=".Length..], now, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return 0;
            case ["admin-key", "create", var name] when name.StartsWith("--name=", StringComparison.Ordinal):
                await output.WriteLineAsync(await services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyScope.Admin, null, name["--name=".Length..], now, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return 0;
            case ["dev-keys", var file, .. var hubIds]:
                return await DevKeysAsync(services.GetRequiredService<ApiKeyStore>(), file, hubIds, now, output, cancellationToken).ConfigureAwait(false);
            default:
                await error.WriteLineAsync("""
                    usage:
                      ServerlessHub hub apply FILE...                 validate and apply hub definitions (YAML or JSON)
                      ServerlessHub hub key create HUB --name=NAME    create an API key for a hub (printed once)
                      ServerlessHub admin-key create --name=NAME      create an admin key (printed once)
                      ServerlessHub dev-keys FILE HUB...              local development: keep an admin key and hub keys in FILE
                    options: --lang=en for English messages (Chinese by default)
                    """).ConfigureAwait(false);
                return 2;
        }
    }

    private static async Task<int> ApplyAsync(HubDefinitions definitions, string[] files, bool english, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                await error.WriteLineAsync(english ? $"{file}: no such file" : $"{file}：文件不存在").ConfigureAwait(false);
                failed++;
                continue;
            }

            if (new FileInfo(file).Length > Http.RequestBodies.MaxBytes)
            {
                await error.WriteLineAsync(english ? $"{file}: larger than 256 KiB" : $"{file}：文件超过 256 KiB").ConfigureAwait(false);
                failed++;
                continue;
            }

            var result = await definitions.ApplyAsync(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), null, $"cli:{Environment.UserName}", cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case HubApplyResult.Applied a:
                    var outcome = (a.Outcome, english) switch
                    {
                        (HubApplyOutcome.Created, true) => "created",
                        (HubApplyOutcome.Updated, true) => "updated",
                        (HubApplyOutcome.Unchanged, true) => "unchanged",
                        (HubApplyOutcome.Created, false) => "已创建",
                        (HubApplyOutcome.Updated, false) => "已更新",
                        _ => "无变化",
                    };
                    await output.WriteLineAsync(english ? $"{file}: hub {a.HubId} {outcome}, version {a.Version}" : $"{file}：中枢 {a.HubId} {outcome}，第 {a.Version} 版").ConfigureAwait(false);
                    break;
                case HubApplyResult.Invalid invalid:
                    failed++;
                    await error.WriteLineAsync(english ? $"{file}: {invalid.Errors.Count} problem(s), nothing applied" : $"{file}：有 {invalid.Errors.Count} 处问题，未应用").ConfigureAwait(false);
                    foreach (var e in invalid.Errors)
                    {
                        await error.WriteLineAsync($"  {(english ? e.English : e.Chinese)}").ConfigureAwait(false);
                    }

                    break;
            }
        }

        return failed == 0 ? 0 : 1;
    }

    // Local runs print ready-to-use keys; only their hashes are in storage, so the plain keys live in a git-ignored file.
    private static async Task<int> DevKeysAsync(ApiKeyStore keys, string file, string[] hubIds, DateTimeOffset now, TextWriter output, CancellationToken cancellationToken)
    {
        var known = File.Exists(file)
            ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), CommandsJsonContext.Default.DictionaryStringString) ?? []
            : [];
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in hubIds.Prepend("admin"))
        {
            var (kind, hub) = scope == "admin" ? (ApiKeyScope.Admin, (string?)null) : (ApiKeyScope.Hub, scope);
            result[scope] = known.TryGetValue(scope, out var key) && await keys.IsValidAsync(kind, hub, key, cancellationToken).ConfigureAwait(false)
                ? key
                : await keys.CreateAsync(kind, hub, "dev", now, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"  {scope,-28} {result[scope]}").ConfigureAwait(false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, CommandsJsonContext.Default.DictionaryStringString), cancellationToken).ConfigureAwait(false);
        return 0;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CommandsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

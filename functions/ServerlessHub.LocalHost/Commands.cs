using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ServerlessHub.Access;
using ServerlessHub.Digests;
using ServerlessHub.Hosting;
using ServerlessHub.Hubs;
using ServerlessHub.LocalHost.HubFiles;
using ServerlessHub.Periods;
using ServerlessHub.Reminders;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.LocalHost;

/// <summary>
/// The command line of the <c>ServerlessHub</c> executable besides running the app:
/// <c>hub apply FILE…</c>, <c>hub key create|list|revoke …</c>, <c>admin-key create|list|revoke …</c>,
/// <c>dev-keys FILE HUB…</c>, <c>reminders send HUB REPORT STEP [PERIOD]</c> and <c>digests send HUB REPORT [DIGEST] [PERIOD]</c>. They use the app's configuration (AzureWebJobsStorage, local.settings.json), except
/// <c>hub apply --endpoint URL --admin-key KEY FILE…</c>, which applies through a deployed app's admin API.
/// <c>help</c>, <c>--help</c> and <c>-h</c> print the usage; any other word that is not configuration for running the
/// app is an unknown command, answered with the usage on stderr rather than by starting the server.
/// </summary>
internal static class Commands
{
    /// <summary>Whether the arguments are for this class (a command, a request for help, or an unknown word) rather than for running the app.</summary>
    public static bool Handles(string[] args) =>
        IsCommand(args) || HostArguments.AskForHelp(args) || HostArguments.FirstUnrecognised(args) is not null;

    private static bool IsCommand(string[] args) => args is ["hub", ..] or ["admin-key", ..] or ["dev-keys", ..] or ["reminders", ..] or ["digests", ..];

    /// <param name="args">The command line.</param>
    /// <param name="settings">App settings over the usual sources (tests use this), or null.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the storage calls and the requests to a deployed app.</param>
    /// <returns>The exit code: 0 done, 1 refused, 2 usage.</returns>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var english = HostArguments.English(args);
        if (HostArguments.AskForHelp(args))
        {
            await output.WriteAsync(Usage(english)).ConfigureAwait(false);
            return 0;
        }

        if (!IsCommand(args))
        {
            var unknown = HostArguments.FirstUnrecognised(args) ?? string.Join(' ', args);
            await error.WriteLineAsync(english ? $"Unknown command '{unknown}'." : $"未知命令“{unknown}”。").ConfigureAwait(false);
            return await UsageAsync(error, english).ConfigureAwait(false);
        }

        var (endpoint, afterEndpoint) = TakeOption(args, "--endpoint");
        var (adminKey, afterAdminKey) = TakeOption(afterEndpoint, "--admin-key");
        var (name, afterName) = TakeOption(afterAdminKey, "--name");
        var (expires, rest) = TakeOption(afterName, "--expires");
        var words = rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        if (endpoint is not null || adminKey is not null)
        {
            return words is ["hub", "apply", .. var remoteFiles] && remoteFiles.Length > 0 && endpoint is { Length: > 0 } && adminKey is { Length: > 0 }
                ? await ApplyRemotelyAsync(endpoint, adminKey, remoteFiles, configuration, english, output, error, cancellationToken).ConfigureAwait(false)
                : await UsageAsync(error, english).ConfigureAwait(false);
        }

        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddServerlessHub(configuration).BuildServiceProvider();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        switch (words)
        {
            case ["hub", "apply", .. var files] when files.Length > 0:
                var definitions = services.GetRequiredService<HubDefinitions>();
                return await HubFileApply.RunAsync(files, (document, ct) => ApplyLocallyAsync(definitions, document, english, ct), english, output, error, cancellationToken).ConfigureAwait(false);
            case ["hub", "key", "create", var hubId] when name is { Length: > 0 }:
                return await CreateKeyAsync(services, ApiKeyScope.Hub, hubId, name, expires, now, english, output, error, cancellationToken).ConfigureAwait(false);
            case ["hub", "key", "list", var hubId]:
                return await ListKeysAsync(services, ApiKeyScope.Hub, hubId, now, english, output, error, cancellationToken).ConfigureAwait(false);
            case ["hub", "key", "revoke", var hubId, var keyId]:
                return await RevokeKeyAsync(services, ApiKeyScope.Hub, hubId, keyId, english, output, error, cancellationToken).ConfigureAwait(false);
            case ["admin-key", "create"] when name is { Length: > 0 }:
                return await CreateKeyAsync(services, ApiKeyScope.Admin, null, name, expires, now, english, output, error, cancellationToken).ConfigureAwait(false);
            case ["admin-key", "list"]:
                return await ListKeysAsync(services, ApiKeyScope.Admin, null, now, english, output, error, cancellationToken).ConfigureAwait(false);
            case ["admin-key", "revoke", var keyId]:
                return await RevokeKeyAsync(services, ApiKeyScope.Admin, null, keyId, english, output, error, cancellationToken).ConfigureAwait(false);
            case ["dev-keys", var file, .. var hubIds]:
                return await DevKeysAsync(services.GetRequiredService<ApiKeyStore>(), file, hubIds, now, output, cancellationToken).ConfigureAwait(false);
            case ["reminders", "send", var hubId, var reportId, var step, .. var period] when period.Length <= 1:
                return await SendReminderAsync(services, hubId, reportId, step, period.FirstOrDefault(), now, english, output, error, cancellationToken).ConfigureAwait(false);
            case ["digests", "send", var hubId, var reportId, .. var digestAndPeriod] when digestAndPeriod.Length <= 2:
                return await SendDigestAsync(services, hubId, reportId, digestAndPeriod.ElementAtOrDefault(0), digestAndPeriod.ElementAtOrDefault(1), now, english, output, error, cancellationToken).ConfigureAwait(false);
            default:
                return await UsageAsync(error, english).ConfigureAwait(false);
        }
    }

    private static async Task<int> CreateKeyAsync(IServiceProvider services, ApiKeyScope scope, string? hubId, string name, string? expires, DateTimeOffset now, bool english, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var zone = ReportTimeline.DefaultTimeZone;
        if (hubId is not null)
        {
            if (await services.GetRequiredService<HubCatalog>().GetAsync(hubId, cancellationToken).ConfigureAwait(false) is not { } hub)
            {
                await error.WriteLineAsync(english ? $"There is no hub '{hubId}'; apply its definition first." : $"没有中枢“{hubId}”，请先应用它的定义。").ConfigureAwait(false);
                return 1;
            }

            zone = hub.TimeZone;
        }

        DateTimeOffset? expiresAt = null;
        if (expires is not null)
        {
            if (KeyExpiry.Parse(expires, zone, now) is not { } parsed)
            {
                await error.WriteLineAsync(english
                    ? $"--expires takes days (90d, at most {KeyExpiry.MaxDays}d) or a future date (2027-06-30, valid through that day), not '{expires}'."
                    : $"--expires 应为天数（如 90d，最多 {KeyExpiry.MaxDays}d）或将来的日期（如 2027-06-30，当天结束时失效），而不是“{expires}”。").ConfigureAwait(false);
                return 2;
            }

            expiresAt = parsed;
        }

        var key = await services.GetRequiredService<ApiKeys>().CreateAsync(scope, hubId, name, expiresAt, $"cli:{Environment.UserName}", cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(key).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListKeysAsync(IServiceProvider services, ApiKeyScope scope, string? hubId, DateTimeOffset now, bool english, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (hubId is not null && await services.GetRequiredService<HubStore>().GetCurrentAsync(hubId, cancellationToken).ConfigureAwait(false) is null)
        {
            await error.WriteLineAsync(english ? $"There is no hub '{hubId}'." : $"没有中枢“{hubId}”。").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync(english
            ? "ID            STATUS   CREATED (UTC)     LAST USED (UTC)   EXPIRES (UTC)     REVOKED (UTC)     PREFIX  NAME"
            : "ID            状态     创建于（UTC）     最近使用（UTC）   到期（UTC）       吊销于（UTC）     前缀  名称").ConfigureAwait(false);
        foreach (var key in await services.GetRequiredService<ApiKeyStore>().ListAsync(scope, hubId, cancellationToken).ConfigureAwait(false))
        {
            var status = ApiKeyStatus.Of(key, now);
            var shown = english ? status : status switch { "active" => "有效", "expired" => "已过期", _ => "已吊销" };
            await output.WriteLineAsync(
                $"{key.KeyId,-12}  {shown,-7}  {Time(key.CreatedAt),-16}  {Time(key.LastUsedAt),-16}  {Time(key.ExpiresAt),-16}  {Time(key.RevokedAt),-16}  {key.Prefix ?? "-"}…  {key.Name}").ConfigureAwait(false);
        }

        return 0;

        static string Time(DateTimeOffset? instant) => instant?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
    }

    private static async Task<int> RevokeKeyAsync(IServiceProvider services, ApiKeyScope scope, string? hubId, string keyId, bool english, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<ApiKeys>().RevokeAsync(scope, hubId, keyId, $"cli:{Environment.UserName}", cancellationToken).ConfigureAwait(false) is not { } revoked)
        {
            await error.WriteLineAsync(english
                ? $"There is no key '{keyId}'{(hubId is null ? " among the admin keys" : $" of hub '{hubId}'")}."
                : $"{(hubId is null ? "管理员密钥中" : $"中枢“{hubId}”")}没有密钥“{keyId}”。").ConfigureAwait(false);
            return 1;
        }

        var seconds = services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.CacheDuration.TotalSeconds;
        await output.WriteLineAsync(english
            ? $"Key {revoked.KeyId} ({revoked.Name}) is revoked; running instances refuse it within {seconds:0} s."
            : $"密钥 {revoked.KeyId}（{revoked.Name}）已吊销，运行中的应用最迟 {seconds:0} 秒内不再接受它。").ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Queues one ladder step of a period to go out now, for a running app to send: it opens the period first if the
    /// tick has not, and each recipient still gets the step once, so running it again sends nothing new.
    /// </summary>
    private static async Task<int> SendReminderAsync(IServiceProvider services, string hubId, string reportId, string offset, string? periodKey, DateTimeOffset now, bool english, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<HubCatalog>().GetAsync(hubId, cancellationToken).ConfigureAwait(false) is not { } hub || hub.FindReport(reportId) is not { } kind)
        {
            await error.WriteLineAsync(english ? $"There is no hub '{hubId}' with a report kind '{reportId}'." : $"没有中枢“{hubId}”或其报送类型“{reportId}”。").ConfigureAwait(false);
            return 1;
        }

        var timeline = hub.Timeline(kind);
        if ((periodKey is null ? timeline.Containing(now) : timeline.FromKey(periodKey)) is not { } period)
        {
            await error.WriteLineAsync(english ? $"'{reportId}' has no period {periodKey ?? "now"} (ad hoc windows: give their id)." : $"“{kind.Title}”没有周期“{periodKey ?? "当前"}”。").ConfigureAwait(false);
            return 1;
        }

        var index = kind.Reminders.ToList().FindIndex(s => s.Offset == offset);
        if (index < 0)
        {
            var steps = string.Join(", ", kind.Reminders.Select(s => s.Offset));
            await error.WriteLineAsync(english ? $"'{reportId}' has no step '{offset}'; its steps: {steps}." : $"“{kind.Title}”的提醒阶梯中没有“{offset}”，可选：{steps}。").ConfigureAwait(false);
            return 1;
        }

        await services.GetRequiredService<PeriodOpening>().OpenAsync(hub, kind, period, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<ReminderScheduler>().ScheduleAsync(
            new ReminderDue(hub.Id, kind.Id, period.Key, index, ReminderDue.Describe(kind.Reminders[index]), now, SentByHand: true), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(english
            ? $"{kind.Title} {period.Key}: step {offset} queued; the running app sends it within seconds (each recipient once)."
            : $"{kind.Title} {period.Key}：提醒步骤“{offset}”已排入队列，运行中的应用几秒内发出（每人只发一次）。").ConfigureAwait(false);
        return 0;
    }

    /// <summary>Posts a digest now, as its schedule would: of the latest period already due, or of <paramref name="periodKey"/>.</summary>
    private static async Task<int> SendDigestAsync(IServiceProvider services, string hubId, string reportId, string? digestId, string? periodKey, DateTimeOffset now, bool english, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<HubCatalog>().GetAsync(hubId, cancellationToken).ConfigureAwait(false) is not { } hub || hub.FindReport(reportId) is not { } kind)
        {
            await error.WriteLineAsync(english ? $"There is no hub '{hubId}' with a report kind '{reportId}'." : $"没有中枢“{hubId}”或其报送类型“{reportId}”。").ConfigureAwait(false);
            return 1;
        }

        if (kind.Digests.FirstOrDefault(d => digestId is null || d.Id == digestId) is not { } digest)
        {
            var ids = kind.Digests.Count == 0 ? (english ? "none" : "无") : string.Join(", ", kind.Digests.Select(d => d.Id));
            await error.WriteLineAsync(english ? $"'{reportId}' has no digest {digestId}; its digests: {ids}." : $"“{kind.Title}”没有汇总“{digestId}”，可选：{ids}。").ConfigureAwait(false);
            return 1;
        }

        if ((periodKey is null ? DigestCalendar.LastDue(hub, kind, now) : hub.Timeline(kind).FromKey(periodKey)) is not { } period)
        {
            await error.WriteLineAsync(english ? $"'{reportId}' has no period {periodKey ?? "due in the last 31 days"}." : $"“{kind.Title}”没有周期“{periodKey ?? "（最近 31 天内到期的）"}”。").ConfigureAwait(false);
            return 1;
        }

        await services.GetRequiredService<DigestPosting>().PostAsync(hub, kind, digest, period, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(english
            ? $"{kind.Title} {period.Key}: digest {digest.Id} queued for {string.Join(", ", digest.ChannelIds)}; the running app posts it within seconds (once per channel and period)."
            : $"{kind.Title} {period.Key}：汇总“{digest.Id}”已排入队列，发往 {string.Join("、", digest.ChannelIds)}，运行中的应用几秒内发出（每个渠道每期只发一次）。").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> UsageAsync(TextWriter error, bool english)
    {
        await error.WriteAsync(Usage(english)).ConfigureAwait(false);
        return 2;
    }

    private static string Usage(bool english) => english
        ? """
            usage:
              ServerlessHub [--urls URL] [SETTING=VALUE...]   run the app (local host), by default on http://127.0.0.1:7071
              ServerlessHub hub apply FILE...                 validate and apply hub definitions (YAML or JSON)
              ServerlessHub hub apply --endpoint URL --admin-key KEY FILE...
                                                              the same, to a deployed app through its admin API
              ServerlessHub hub key create HUB --name=NAME [--expires 90d|2027-06-30]
                                                              create an API key for a hub (printed once); a date
                                                              expires at the end of that day in the hub's time zone
              ServerlessHub hub key list HUB                  a hub's keys: id, status, created, last used, expiry
              ServerlessHub hub key revoke HUB KEYID          revoke a hub key (running apps refuse it within 60 s)
              ServerlessHub admin-key create --name=NAME [--expires 90d|2027-06-30]
                                                              create an admin key (printed once)
              ServerlessHub admin-key list                    the admin keys
              ServerlessHub admin-key revoke KEYID            revoke an admin key
              ServerlessHub dev-keys FILE HUB...              local development: keep an admin key and hub keys in FILE
              ServerlessHub reminders send HUB REPORT STEP [PERIOD]
                                                              run one ladder step (its 'at': -1d, 0, +1wd…) of the
                                                              current (or given) period now, even outside sending hours
              ServerlessHub digests send HUB REPORT [DIGEST] [PERIOD]
                                                              post a digest (the kind's first by default) of the latest
                                                              period already due (or the given one) now
              ServerlessHub help | --help | -h                this text
            options: --lang=en for English messages (Chinese by default)

            """
        : """
            用法：
              ServerlessHub [--urls 地址] [设置=值...]         运行应用（本地宿主），默认监听 http://127.0.0.1:7071
              ServerlessHub hub apply 文件...                 校验并应用中枢定义（YAML 或 JSON）
              ServerlessHub hub apply --endpoint 地址 --admin-key 密钥 文件...
                                                              同上，通过已部署应用的管理接口应用
              ServerlessHub hub key create 中枢 --name=名称 [--expires 90d|2027-06-30]
                                                              为中枢创建 API 密钥（只显示这一次）；日期按中枢时区
                                                              在当天结束时失效
              ServerlessHub hub key list 中枢                 列出中枢的密钥：ID、状态、创建、最近使用、到期
              ServerlessHub hub key revoke 中枢 密钥ID        吊销中枢密钥（运行中的应用 60 秒内不再接受）
              ServerlessHub admin-key create --name=名称 [--expires 90d|2027-06-30]
                                                              创建管理员密钥（只显示这一次）
              ServerlessHub admin-key list                    列出管理员密钥
              ServerlessHub admin-key revoke 密钥ID           吊销管理员密钥
              ServerlessHub dev-keys 文件 中枢...             本地开发：把管理员密钥和各中枢的密钥保存在文件中
              ServerlessHub reminders send 中枢 报送类型 步骤 [周期]
                                                              立即执行当前（或指定）周期提醒阶梯中的一步（即其 at：
                                                              -1d、0、+1wd…），发送时段之外也执行
              ServerlessHub digests send 中枢 报送类型 [汇总] [周期]
                                                              立即发出汇总（默认该报送类型的第一个），默认为最近
                                                              已到截止时间的一期
              ServerlessHub help | --help | -h                显示本说明
            选项：--lang=en 显示英文提示（默认中文）

            """;

    /// <summary>Takes <c>--name VALUE</c> or <c>--name=VALUE</c> out of <paramref name="args"/>; an empty value when the option has none.</summary>
    private static (string? Value, string[] Others) TakeOption(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name)
            {
                return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? (args[i + 1].Trim(), [.. args[..i], .. args[(i + 2)..]])
                    : ("", [.. args[..i], .. args[(i + 1)..]]);
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return (args[i][(name.Length + 1)..].Trim(), [.. args[..i], .. args[(i + 1)..]]);
            }
        }

        return (null, args);
    }

    private static async Task<FileApplyResult> ApplyLocallyAsync(HubDefinitions definitions, string document, bool english, CancellationToken cancellationToken) =>
        await definitions.ApplyAsync(document, null, $"cli:{Environment.UserName}", cancellationToken).ConfigureAwait(false) switch
        {
            HubApplyResult.Applied a => new FileApplyResult.Applied(a.HubId, a.Outcome, a.Version),
            HubApplyResult.Invalid invalid => new FileApplyResult.Invalid(invalid.Errors.Select(e => english ? e.English : e.Chinese).ToList()),
            var other => throw new InvalidOperationException($"Unexpected {other.GetType().Name} for a document applied under its own id."),
        };

    private static async Task<int> ApplyRemotelyAsync(string endpoint, string adminKey, string[] files, IConfiguration configuration, bool english, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !RemoteHubApply.IsSafeEndpoint(uri))
        {
            await error.WriteLineAsync(english
                ? $"--endpoint must be the app's https address (http only to this machine), not '{endpoint}'."
                : $"--endpoint 必须是应用的 https 地址（http 仅限本机），而不是“{endpoint}”。").ConfigureAwait(false);
            return 2;
        }

        // The deployed app has this same host.json, so the same route prefix.
        var routePrefix = HostSettings.Load(AppContext.BaseDirectory, configuration).RoutePrefix;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        var remote = new RemoteHubApply(http, uri, routePrefix, adminKey, english);
        return await HubFileApply.RunAsync(files, remote.ApplyAsync, english, output, error, cancellationToken).ConfigureAwait(false);
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
            result[scope] = known.TryGetValue(scope, out var key) && (await keys.GetAsync(kind, hub, key, cancellationToken).ConfigureAwait(false))?.IsActiveAt(now) == true
                ? key
                : await keys.CreateAsync(kind, hub, "dev", now, null, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"  {scope,-28} {result[scope]}").ConfigureAwait(false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, CommandsJsonContext.Default.DictionaryStringString), cancellationToken).ConfigureAwait(false);
        return 0;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CommandsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

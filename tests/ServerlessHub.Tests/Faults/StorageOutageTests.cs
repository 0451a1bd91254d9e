using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Hubs;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Simulation.Members;
using ServerlessHub.WeCom.Simulation;

namespace ServerlessHub.Faults;

/// <summary>
/// Azurite is stopped under a steady load of HTTP submissions and WeCom callbacks, then started again. Clients do what
/// the 503 asks: wait and retry, with the same Idempotency-Key (WeCom, with the same MsgId). Every request ends 2xx,
/// and each has its effect once.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const int HttpUnits = 60;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly string _location = Directory.CreateTempSubdirectory("azurite-outage-").FullName;
    private Azurite _azurite = null!;
    private WeComSimulator _weCom = null!;
    private HubInstance _app = null!;
    private readonly CapturedLog _log = new();

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartPersistentAsync(_location, _ct);
        _weCom = new WeComSimulator(FaultHub.Simulator());
        await _weCom.StartAsync(0, _ct);
        _app = await HubInstance.StartAsync(
            FaultHub.Settings(_azurite, _weCom),
            services => services.AddLogging(logging => logging.AddProvider(_log).AddFilter<CapturedLog>(null, LogLevel.Information)),
            cancellationToken: _ct);
        Assert.IsType<HubApplyResult.Applied>(await _app.Services.GetRequiredService<HubDefinitions>().ApplyAsync(FaultHub.Document(), null, "test", _ct));
    }

    [Fact]
    public async Task AzuriteStoppedUnderLoad_503WithRetryAfterAndHealthSaysWhy_ThenEveryRequestTakesEffectOnce()
    {
        var key = await _app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyScope.Hub, FaultHub.HubId, "outage", DateTimeOffset.UtcNow, null, _ct);
        var periods = new List<string> { FaultHub.CurrentWeek() };
        var answers = new ConcurrentBag<(string Request, int Status, bool RetryAfter)>();
        using var callbackHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var members = new MemberCallbacks(callbackHttp, FaultHub.CorpId, TimeProvider.System);
        var target = FaultHub.Target(_app.BaseAddress);
        using var outage = new CancellationTokenSource();
        var httpDone = 0;
        var callbacksDone = 0;

        // Half the units report over HTTP, half in chat; four clients of each kind go through their share in turn.
        async Task SubmitAsync(int unit)
        {
            var body = JsonSerializer.Serialize(new { unitId = FaultHub.Unit(unit), fields = new { progress = $"第{unit}号单位本周进展" } });
            var idempotencyKey = Guid.NewGuid().ToString("N");
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hubs/{FaultHub.HubId}/reports/weekly/periods/current/submissions")
                {
                    Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("x-functions-key", key);
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                using var response = await _app.Http.SendAsync(request, _ct);
                answers.Add(($"http {unit}", (int)response.StatusCode, response.Headers.RetryAfter?.Delta is { } delay && delay > TimeSpan.Zero));
                if (response.IsSuccessStatusCode || response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref httpDone);
                    return;
                }

                // The test's client waits less than Retry-After asks, to keep the test short; the answer is the same.
                await Task.Delay(200, _ct);
            }
        }

        async Task SayAsync(int unit)
        {
            var msgId = (7_400_000_000_000_000_000UL + (ulong)unit).ToString(System.Globalization.CultureInfo.InvariantCulture);
            while (true)
            {
                // WeCom retries a callback that is not answered 200, with the same MsgId.
                var result = await members.SendAppTextAsync(target, FaultHub.Member(unit), $"周报 本周进展：第{unit}号单位在聊天中报送", msgId, _ct);
                answers.Add(($"callback {unit}", result.Status, false));
                if (result.Status != 503)
                {
                    Interlocked.Increment(ref callbacksDone);
                    return;
                }

                await Task.Delay(200, _ct);
            }
        }

        async Task ClientAsync(int first, int step, int end, Func<int, Task> send)
        {
            for (var unit = first; unit < end; unit += step)
            {
                await send(unit);
                if (!outage.IsCancellationRequested)
                {
                    // A steady pace rather than a burst, so that requests arrive before, during and after the outage.
                    await Task.Delay(100, _ct);
                }
            }
        }

        var load = Enumerable.Range(0, 4).Select(c => ClientAsync(c, 4, HttpUnits, SubmitAsync))
            .Concat(Enumerable.Range(0, 4).Select(c => ClientAsync(HttpUnits + c, 4, FaultHub.Units, SayAsync)))
            .ToList();

        await Polling.UntilAsync(() => Volatile.Read(ref httpDone) >= 8 && Volatile.Read(ref callbacksDone) >= 8, _ct);
        await _azurite.StopAsync(_ct);
        var stoppedAt = answers.Count;

        // Health answers 503 and names the problem; requests meanwhile get 503 with Retry-After, never 500.
        JsonElement health = default;
        await Polling.UntilAsync(async () =>
        {
            using var response = await _app.Http.GetAsync("/api/health", _ct);
            health = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
            return response.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, _ct);
        await Polling.UntilAsync(() => answers.Count(a => a.Status == 503) >= 4, _ct);
        // Messages the queue listener held when storage went away return when their visibility runs out — by then
        // every invocation that held one has failed, its storage calls' retries spent.
        await Polling.UntilAsync(() => _log.RunningInvocations == 0, _ct);
        await _azurite.ExpireQueueInvisibilityAsync(_ct);
        await _azurite.RestartAsync(_ct);
        outage.Cancel();
        await Task.WhenAll(load);

        periods.Add(FaultHub.CurrentWeek());
        await FaultHub.WaitUntilQueuesEmptyAsync(_azurite, _ct);
        await Polling.UntilAsync(() => Enumerable.Range(HttpUnits, FaultHub.Units - HttpUnits).All(u => FaultHub.MessagesTo(_weCom, FaultHub.Member(u)).Count > 0), _ct);
        await FaultHub.WaitUntilQueuesEmptyAsync(_azurite, _ct);

        Assert.Equal("unhealthy", health.GetProperty("status").GetString());
        Assert.StartsWith("无法访问", health.GetProperty("storage").GetProperty("tablesProblem").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(answers, a => a.Status is not (200 or 201 or 503));
        var unavailable = answers.Where(a => a.Status == 503).ToList();
        Assert.True(unavailable.Count >= 4, $"Only {unavailable.Count} requests met the outage (after {stoppedAt} answers before it).");
        Assert.All(unavailable.Where(a => a.Request.StartsWith("http", StringComparison.Ordinal)), a => Assert.True(a.RetryAfter, $"{a.Request}: 503 without Retry-After"));

        var stored = await FaultHub.SubmissionsAsync(_app.Services.GetRequiredService<SubmissionStore>(), periods, _ct);
        for (var unit = 0; unit < FaultHub.Units; unit++)
        {
            var submission = Assert.Single(stored[FaultHub.Unit(unit)]);
            Assert.Equal(1, submission.Revision);
            Assert.Equal(unit < HttpUnits ? $"第{unit}号单位本周进展" : $"第{unit}号单位在聊天中报送", submission.Fields["progress"]);
        }

        for (var unit = HttpUnits; unit < FaultHub.Units; unit++)
        {
            Assert.Single(FaultHub.MessagesTo(_weCom, FaultHub.Member(unit)));
        }

        Assert.Equal(0, await FaultHub.PoisonedAsync(_azurite, _ct));
        TestContext.Current.SendDiagnosticMessage(
            $"Storage outage: {answers.Count(a => a.Status is 200 or 201)} requests accepted, {unavailable.Count} answered 503 while storage was down, 0 lost, 0 duplicated.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _weCom.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_location, recursive: true);
    }
}

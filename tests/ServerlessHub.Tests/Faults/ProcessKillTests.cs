using Microsoft.Extensions.DependencyInjection;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Simulation;
using ServerlessHub.WeCom.Simulation.Members;

namespace ServerlessHub.Faults;

/// <summary>
/// The local host is killed with SIGKILL while it works through a batch of chat reports, and started again: messages it
/// had taken are redelivered, and each report is stored once and receipted once.
/// </summary>
public sealed class ProcessKillTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly string _location = Directory.CreateTempSubdirectory("azurite-kill-").FullName;
    private Azurite _azurite = null!;
    private WeComSimulator _weCom = null!;
    private HubInstance _frontDoor = null!;

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartPersistentAsync(_location, _ct);
        _weCom = new WeComSimulator(FaultHub.Simulator());
        await _weCom.StartAsync(0, _ct);
        // Takes the callbacks and applies the hub, but runs no triggers: the queued work is the killed process's alone.
        var settings = FaultHub.Settings(_azurite, _weCom);
        settings["LocalHost:RunTriggers"] = "false";
        _frontDoor = await HubInstance.StartAsync(settings, cancellationToken: _ct);
        Assert.IsType<HubApplyResult.Applied>(await _frontDoor.Services.GetRequiredService<HubDefinitions>().ApplyAsync(FaultHub.Document(), null, "test", _ct));
    }

    [Fact]
    public async Task KilledMidBatchAndRestarted_EveryReportStoredOnceAndReceiptedOnce()
    {
        var periods = new List<string> { FaultHub.CurrentWeek() };
        using var http = new HttpClient();
        var members = new MemberCallbacks(http, FaultHub.CorpId, TimeProvider.System);
        var target = FaultHub.Target(_frontDoor.BaseAddress);
        await Parallel.ForEachAsync(Enumerable.Range(0, FaultHub.Units), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = _ct }, async (unit, ct) =>
        {
            var answer = await members.SendAppTextAsync(target, FaultHub.Member(unit), $"周报 本周进展：第{unit}号单位本周开展教研活动", cancellationToken: ct);
            Assert.Equal(200, answer.Status);
        });

        int receiptsAtKill;
        await using (var first = LocalHostProcess.Start(FaultHub.Settings(_azurite, _weCom)))
        {
            await Polling.UntilAsync(() => _weCom.Messages.Count >= 20, _ct);
            await first.KillAsync();
            receiptsAtKill = _weCom.Messages.Count;
        }

        Assert.True(receiptsAtKill < FaultHub.Units, $"All {receiptsAtKill} receipts went out before the kill: nothing was in flight.");
        await _azurite.StopAsync(_ct);
        var inFlight = await _azurite.ExpireQueueInvisibilityAsync(_ct);
        await _azurite.RestartAsync(_ct);
        Assert.True(inFlight > 0, "No queue message was in flight when the process was killed.");

        await using (var second = LocalHostProcess.Start(FaultHub.Settings(_azurite, _weCom)))
        {
            await Polling.UntilAsync(() => Enumerable.Range(0, FaultHub.Units).All(u => FaultHub.MessagesTo(_weCom, FaultHub.Member(u)).Count > 0), _ct);
            await FaultHub.WaitUntilQueuesEmptyAsync(_azurite, _ct);
        }

        periods.Add(FaultHub.CurrentWeek());
        var stored = await FaultHub.SubmissionsAsync(_frontDoor.Services.GetRequiredService<SubmissionStore>(), periods, _ct);
        for (var unit = 0; unit < FaultHub.Units; unit++)
        {
            var submission = Assert.Single(stored[FaultHub.Unit(unit)]);
            Assert.Equal(1, submission.Revision);
            Assert.Equal($"第{unit}号单位本周开展教研活动", submission.Fields["progress"]);
            Assert.Contains("已收到周报", Assert.Single(FaultHub.MessagesTo(_weCom, FaultHub.Member(unit))).Content, StringComparison.Ordinal);
        }

        Assert.Equal(0, await FaultHub.PoisonedAsync(_azurite, _ct));
        TestContext.Current.SendDiagnosticMessage(
            $"Process kill: {receiptsAtKill} receipts before SIGKILL, {inFlight} queue messages in flight redelivered; {FaultHub.Units} reports stored once, receipted once.");
    }

    public async ValueTask DisposeAsync()
    {
        await _frontDoor.DisposeAsync();
        await _weCom.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_location, recursive: true);
    }
}

using System.Globalization;
using System.Text;
using Azure.Storage.Queues;
using ServerlessHub.Storage.Submissions;
using ServerlessHub.Testing;
using ServerlessHub.WeCom.Simulation;
using ServerlessHub.WeCom.Simulation.Members;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.Faults;

/// <summary>
/// The hub the fault tests load: <see cref="Units"/> units, each with one liaison (m000 for u000, …) who reports
/// through the app; the simulator knows every liaison. Settings are the same for the in-process instances and for a
/// local host run as a process (as environment variables).
/// </summary>
internal static class FaultHub
{
    public const string HubId = "fault-test-hub";
    public const string CorpId = "wwfaulttest";
    public const int AgentId = 1000009;
    public const string Token = "FaultToken2026";
    public const string AesKey = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
    public const string Secret = "fault-app-secret";
    public const int Units = 120;

    public static string Unit(int i) => $"u{i:D3}";

    public static string Member(int i) => $"m{i:D3}";

    public static string Document()
    {
        var yaml = new StringBuilder($$"""
            id: {{HubId}}
            name: 故障测试协作体
            wecom:
              corpId: {{CorpId}}
              agentId: {{AgentId}}
              token: "@setting:FAULT_HUB_TOKEN"
              encodingAesKey: "@setting:FAULT_HUB_AES"
              secret: "@setting:FAULT_HUB_SECRET"
            reports:
              - id: weekly
                title: 周报
                cadence: weekly
                due: { from: start, days: 4, time: "17:00" }
                fields:
                  - { id: progress, label: 本周进展, type: text, required: true }
            units:

            """);
        for (var i = 0; i < Units; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: {Unit(i)}, name: 第{i + 1}幼儿园 }}\n");
        }

        yaml.Append("people:\n");
        for (var i = 0; i < Units; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ userId: {Member(i)}, name: 联络员{i + 1}, unit: {Unit(i)}, roles: [liaison] }}\n");
        }

        return yaml.ToString();
    }

    public static WeComSimulatorOptions Simulator() => new()
    {
        CorpId = CorpId,
        Apps = [new SimulatedApp { AgentId = AgentId, Secret = Secret }],
        Users = [.. Enumerable.Range(0, Units).Select(Member)],
    };

    /// <summary>App settings, by their configuration names (use <c>__</c> for <c>:</c> in environment variables).</summary>
    public static Dictionary<string, string?> Settings(Azurite azurite, WeComSimulator weCom) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
        ["WeCom:BaseUrl"] = weCom.BaseAddress.ToString(),
        ["Outbound:RetryDelay"] = "00:00:01",
        ["FAULT_HUB_TOKEN"] = Token,
        ["FAULT_HUB_AES"] = AesKey,
        ["FAULT_HUB_SECRET"] = Secret,
    };

    public static CallbackTarget Target(Uri app) => new()
    {
        Hub = HubId,
        AppCallbackUrl = new Uri(app, $"/api/wecom/{HubId}/callback"),
        AgentId = AgentId,
        Token = Token,
        EncodingAesKey = AesKey,
    };

    /// <summary>App messages the simulator received for <paramref name="userId"/>.</summary>
    public static IReadOnlyList<RecordedMessage> MessagesTo(WeComSimulator weCom, string userId) =>
        [.. weCom.Messages.Where(m => m.Channel == SimulatedChannel.App && m.Recipients is { } to && to.Split(" / ")[0] == userId)];

    /// <summary>Until the inbound and outbound queues hold no message, visible or not.</summary>
    public static Task WaitUntilQueuesEmptyAsync(Azurite azurite, CancellationToken cancellationToken)
    {
        var queues = new[] { Inbound.InboundChatFunction.QueueName, Outbound.OutboundQueues.QueueName }
            .Select(name => new QueueClient(azurite.ConnectionString, name)).ToList();
        return Polling.UntilAsync(async () =>
        {
            foreach (var queue in queues)
            {
                if (await queue.ExistsAsync(cancellationToken) && (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount > 0)
                {
                    return false;
                }
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Messages in the poison queues of inbound and outbound.</summary>
    public static async Task<int> PoisonedAsync(Azurite azurite, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var name in new[] { Inbound.InboundChatFunction.QueueName + "-poison", Outbound.OutboundQueues.PoisonQueueName })
        {
            var queue = new QueueClient(azurite.ConnectionString, name);
            if (await queue.ExistsAsync(cancellationToken))
            {
                total += (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }
        }

        return total;
    }

    /// <summary>Every submission of the weekly report, by unit, in the periods <paramref name="periods"/>.</summary>
    public static async Task<ILookup<string, Submissions.Submission>> SubmissionsAsync(SubmissionStore store, IEnumerable<string> periods, CancellationToken cancellationToken)
    {
        var all = new List<Submissions.Submission>();
        foreach (var period in periods.Distinct())
        {
            all.AddRange(await store.ListPeriodAsync(HubId, "weekly", period, cancellationToken));
        }

        return all.ToLookup(s => s.SubmitterId);
    }

    /// <summary>The ISO week key of now in Shanghai, e.g. 2026-W48: the period a report sent now goes to.</summary>
    public static string CurrentWeek()
    {
        var day = DateTimeOffset.UtcNow.AddHours(8).DateTime;
        return $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}";
    }
}

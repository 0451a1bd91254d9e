using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessHub.WeCom.Api;
using ServerlessHub.WeCom.Simulation;
using ServerlessHub.WeCom.Simulation.Recording;

[assembly: AssemblyFixture(typeof(ServerlessHub.WeCom.SimulatorFixture))]

namespace ServerlessHub.WeCom;

/// <summary>
/// One WeCom simulator on 127.0.0.1 for the whole assembly. Every test takes its own app or robot key from
/// <see cref="NewApp"/> / <see cref="NewRobotKey"/>, so no test sees another's messages or tokens.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public const string CorpId = "wwtestcorp";
    public const int FirstAgentId = 1000001;
    private const int AppCount = 100;
    private const int RobotCount = 100;
    private int nextApp;
    private int nextRobot;

    public SimulatorFixture()
    {
        Simulator = new WeComSimulator(CreateOptions());
    }

    public WeComSimulator Simulator { get; }

    public HttpClient Http { get; } = new();

    public static IReadOnlyList<string> Users { get; } = ["zhangwei", "lina", "wangfang", "liuyang", "chenjing", "zhaolei"];

    public static WeComSimulatorOptions CreateOptions() => new()
    {
        CorpId = CorpId,
        Apps = [.. Enumerable.Range(FirstAgentId, AppCount).Select(id => new SimulatedApp { AgentId = id, Secret = Secret(id) })],
        RobotKeys = [.. Enumerable.Range(1, RobotCount).Select(RobotKey)],
        Users = [.. Users],
        Parties = ["1", "2"],
        Tags = ["1"],
    };

    public static string Secret(int agentId) => string.Create(CultureInfo.InvariantCulture, $"secret-{agentId}");

    public static string RobotKey(int number) => string.Create(CultureInfo.InvariantCulture, $"robot-key-{number:D3}");

    public int NewApp()
    {
        var index = Interlocked.Increment(ref nextApp) - 1;
        return index < AppCount ? FirstAgentId + index : throw new InvalidOperationException("Add more simulated apps.");
    }

    public string NewRobotKey()
    {
        var number = Interlocked.Increment(ref nextRobot);
        return number <= RobotCount ? RobotKey(number) : throw new InvalidOperationException("Add more simulated robots.");
    }

    public WeComClientOptions ClientOptions() => new() { BaseUri = Simulator.BaseAddress };

    public WeComAppClient AppClient(int agentId, TimeProvider? timeProvider = null) =>
        new(CorpId, Secret(agentId), agentId, Http, ClientOptions(), timeProvider ?? TimeProvider.System);

    public WeComRobotClient RobotClient(string key) => new(key, Http, ClientOptions());

    /// <summary>
    /// Creates an app-owned chat as the app <paramref name="agentId"/>, posting <c>appchat/create</c> to the simulator
    /// directly (the client only sends to chats).
    /// </summary>
    public async Task CreateChatAsync(int agentId, string chatId, string name, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        using var token = JsonDocument.Parse(await Http.GetStringAsync(
            new Uri(Simulator.BaseAddress, $"cgi-bin/gettoken?corpid={CorpId}&corpsecret={Secret(agentId)}"), cancellationToken));
        var accessToken = token.RootElement.GetProperty("access_token").GetString();
        var body = new JsonObject { ["chatid"] = chatId, ["name"] = name, ["userlist"] = new JsonArray([.. members.Select(m => JsonValue.Create(m))]) };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(Simulator.BaseAddress, $"cgi-bin/appchat/create?access_token={accessToken}"), content, cancellationToken);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal(0, reply.RootElement.GetProperty("errcode").GetInt32());
        Assert.Equal(chatId, reply.RootElement.GetProperty("chatid").GetString());
    }

    public IReadOnlyList<RecordedMessage> MessagesTo(string destination) =>
        [.. Simulator.Messages.Where(m => m.Destination == destination)];

    public static string AppDestination(int agentId) => string.Create(CultureInfo.InvariantCulture, $"agent {agentId}");

    public static void AssertJsonEqual(string expected, JsonElement actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual.GetRawText());
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"Expected {expectedNode?.ToJsonString()}\nActual   {actualNode?.ToJsonString()}");
    }

    public async ValueTask InitializeAsync() => await Simulator.StartAsync(0, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}

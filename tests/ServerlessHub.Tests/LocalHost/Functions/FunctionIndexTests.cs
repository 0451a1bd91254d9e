using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessHub.LocalHost.Functions;

/// <summary>How the local host reads <c>functions.metadata</c>, and how it refuses one it cannot serve.</summary>
public sealed class FunctionIndexTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("serverlesshub-index-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Load_ShippedMetadata_FindsEachFunctionAtItsEntryPoint()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, FunctionIndex.MetadataFile)));
        var declared = metadata.RootElement.EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, EntryPoint: f.GetProperty("entryPoint").GetString()!))
            .OrderBy(f => f.Name, StringComparer.Ordinal);

        var index = FunctionIndex.Load(AppContext.BaseDirectory, []);

        Assert.Equal(declared, index.Functions.Select(f => (f.Name, $"{f.Method.DeclaringType!.FullName}.{f.Method.Name}")));
    }

    [Fact]
    public void Load_EachTriggerKind_ReadsItsBinding()
    {
        Write(
            Function("Health", "ServerlessHub.Health.HealthFunction.RunAsync", """{ "type": "httpTrigger", "authLevel": "Anonymous", "methods": ["get", "post"], "route": "health" }"""),
            Function("SendReminder", "ServerlessHub.Reminders.SendReminderFunction.RunAsync", """{ "type": "queueTrigger", "queueName": "reminders" }"""),
            Function("Tick", "ServerlessHub.Schedule.TickFunction.RunAsync", """{ "type": "timerTrigger", "schedule": "0 */5 * * * *", "useMonitor": false }"""));

        var index = FunctionIndex.Load(_directory.FullName, []);

        var http = Assert.Single(index.Http);
        Assert.Equal(("Health", "health", "GET,POST", AuthorizationLevel.Anonymous), (http.Name, http.Route, string.Join(',', http.Methods), http.AuthLevel));
        Assert.Equal(("SendReminder", "reminders"), (Assert.Single(index.Queues).Name, Assert.Single(index.Queues).QueueName));
        var timer = Assert.Single(index.Timers);
        Assert.Equal(("Tick", "0 */5 * * * *", false), (timer.Name, timer.Schedule, timer.UseMonitor));
    }

    [Fact]
    public void Load_NoMetadataFile_SaysWhereItWasLookedForAndWhatWritesIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionIndex.Load(_directory.FullName, []));

        Assert.Contains(Path.Combine(_directory.FullName, FunctionIndex.MetadataFile), error.Message, StringComparison.Ordinal);
        Assert.Contains("functions/ServerlessHub", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{ \"name\": \"Health\" ")]
    [InlineData("[{ \"name\": \"Health\", \"scriptFile\": \"ServerlessHub.dll\" }]")]
    public void Load_MetadataNotAsTheSdkWritesIt_NamesTheFile(string text)
    {
        var path = Path.Combine(_directory.FullName, FunctionIndex.MetadataFile);
        File.WriteAllText(path, text);

        var error = Assert.Throws<InvalidOperationException>(() => FunctionIndex.Load(_directory.FullName, []));

        Assert.StartsWith($"{path} is not a functions.metadata file as the worker SDK writes it", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServerlessHub.Health.NoSuchFunction.RunAsync")]
    [InlineData("ServerlessHub.Health.HealthFunction.NoSuchMethod")]
    [InlineData("RunAsync")]
    public void Load_EntryPointNotInTheApp_NamesTheFunction(string entryPoint)
    {
        Write(Function("Health", entryPoint, """{ "type": "httpTrigger", "authLevel": "Anonymous", "methods": ["get"], "route": "health" }"""));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionIndex.Load(_directory.FullName, []));

        Assert.Contains($"Health's entry point {entryPoint}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TriggerThisHostDoesNotRun_IsRefused()
    {
        Write(Function("Blob", "ServerlessHub.Health.HealthFunction.RunAsync", """{ "type": "blobTrigger", "path": "x/{name}" }"""));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionIndex.Load(_directory.FullName, []));

        Assert.Contains("Function Blob", error.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one HTTP, queue or timer trigger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FunctionInAnotherAssembly_IsRefused()
    {
        Write(Function("Health", "ServerlessHub.Health.HealthFunction.RunAsync", """{ "type": "httpTrigger", "authLevel": "Anonymous", "route": "health" }""", scriptFile: "Other.dll"));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionIndex.Load(_directory.FullName, []));

        Assert.Contains("Other.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtraFunctionNamedAsAnAppFunction_IsRefused()
    {
        Write(Function("Echo", "ServerlessHub.Health.HealthFunction.RunAsync", """{ "type": "httpTrigger", "authLevel": "Anonymous", "route": "health" }"""));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionIndex.Load(_directory.FullName, [typeof(WorkerEcho)]));

        Assert.Equal("Two functions are named Echo.", error.Message);
    }

    private void Write(params string[] functions) =>
        File.WriteAllText(Path.Combine(_directory.FullName, FunctionIndex.MetadataFile), $"[{string.Join(',', functions)}]");

    private static string Function(string name, string entryPoint, string trigger, string scriptFile = "ServerlessHub.dll") =>
        $$"""{ "name": "{{name}}", "scriptFile": "{{scriptFile}}", "entryPoint": "{{entryPoint}}", "language": "dotnet-isolated", "bindings": [{{trigger}}] }""";

    public sealed class WorkerEcho
    {
        [Function("Echo")]
        public static string Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "echo")] Microsoft.AspNetCore.Http.HttpRequest request) => request.Path;
    }
}

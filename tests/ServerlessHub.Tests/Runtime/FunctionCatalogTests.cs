namespace ServerlessHub.Runtime;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Load_AppOutput_FindsTheAppFunctionsWithTheirTriggers()
    {
        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory, _ => null);

        var health = Assert.IsType<HttpTrigger>(catalog.Find("Health")!.Trigger);
        Assert.Equal("health", health.Route);
        Assert.Equal(["GET"], health.Methods);
        Assert.IsType<TimerTrigger>(catalog.Find("Tick")!.Trigger);
        Assert.Equal("api", catalog.Host.RoutePrefix);
        Assert.Equal(5, catalog.Host.Queues.MaxDequeueCount);
    }

    [Fact]
    public void Load_SettingReference_IsExpandedFromAppSettings()
    {
        using var root = new ScriptRoot().WithQueueFunction("Work", "%WorkQueue%");

        var catalog = FunctionCatalog.Load(root.Path, name => name == "WorkQueue" ? "work-items" : null);

        Assert.Equal("work-items", Assert.IsType<QueueTrigger>(catalog.Find("Work")!.Trigger).QueueName);
    }

    [Theory]
    [InlineData("""{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m", "queueName": "%Missing%" } ] }""", "Missing")]
    [InlineData("""{ "bindings": [ { "type": "blobTrigger", "direction": "in", "name": "b", "path": "x/{name}" } ] }""", "blobTrigger")]
    [InlineData("""{ "bindings": [] }""", "exactly one trigger")]
    [InlineData("""{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m" } ] }""", "queueName")]
    [InlineData("""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t" } ] }""", "schedule")]
    [InlineData("""{ "bindings": [ """, "not valid JSON")]
    [InlineData("""{ "disabled": false }""", "bindings")]
    public void Load_BadFunctionJson_ThrowsWithTheFileAndReason(string functionJson, string expected)
    {
        using var root = new ScriptRoot().With("Broken", functionJson);

        var error = Assert.Throws<InvalidDataException>(() => FunctionCatalog.Load(root.Path, _ => null));

        Assert.Contains("Broken", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoHostJson_Throws()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;

        Assert.Throws<InvalidDataException>(() => FunctionCatalog.Load(empty, _ => null));
    }
}

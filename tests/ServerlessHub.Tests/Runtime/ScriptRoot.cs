using ServerlessHub.Testing;

namespace ServerlessHub.Runtime;

/// <summary>
/// A throw-away Functions script root: the app's own functions, templates and host.json (with test queue settings), plus the
/// test functions a test declares.
/// </summary>
public sealed class ScriptRoot : IDisposable
{
    public ScriptRoot(string maxPollingInterval = "00:00:00.200", string visibilityTimeout = "00:00:00")
    {
        Path = Directory.CreateTempSubdirectory("hub-script-root-").FullName;
        var host = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "host.json"))
            .Replace("\"maxPollingInterval\": \"00:00:02\"", $"\"maxPollingInterval\": \"{maxPollingInterval}\"", StringComparison.Ordinal)
            .Replace("\"visibilityTimeout\": \"00:00:10\"", $"\"visibilityTimeout\": \"{visibilityTimeout}\"", StringComparison.Ordinal);
        File.WriteAllText(System.IO.Path.Combine(Path, "host.json"), host);
        foreach (var template in Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "templates"), "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(AppContext.BaseDirectory, template));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(template, copy);
        }

        foreach (var function in Directory.EnumerateFiles(AppContext.BaseDirectory, "function.json", SearchOption.AllDirectories))
        {
            With(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(function))!, File.ReadAllText(function));
        }
    }

    public string Path { get; }

    public ScriptRoot WithQueueFunction(string name, string queueName) => With(name, $$"""
        { "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "message", "queueName": "{{queueName}}", "connection": "AzureWebJobsStorage" } ] }
        """);

    public ScriptRoot WithTimerFunction(string name, string schedule) => With(name, $$"""
        { "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "{{schedule}}", "useMonitor": true } ] }
        """);

    public ScriptRoot With(string name, string functionJson)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, name));
        File.WriteAllText(System.IO.Path.Combine(Path, name, "function.json"), functionJson);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

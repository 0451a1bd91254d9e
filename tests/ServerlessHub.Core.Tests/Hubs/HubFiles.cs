namespace ServerlessHub.Hubs;

/// <summary>The shipped files under the repository's <c>hubs/</c> folder, found by walking up from the test output.</summary>
internal static class HubFiles
{
    public static string Folder { get; } = FindFolder();

    public static IEnumerable<string> Documents =>
    [
        Path.Combine(Folder, "example.annotated.yaml"),
        .. Directory.GetFiles(Path.Combine(Folder, "demo"), "*.yaml").Order(StringComparer.Ordinal),
    ];

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "hubs");
            if (File.Exists(Path.Combine(candidate, "hub.schema.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("hubs/hub.schema.json not found above " + AppContext.BaseDirectory);
    }
}

using ServerlessHub.Testing;

namespace ServerlessHub.Replies;

/// <summary>
/// Compares text with <c>Golden/&lt;name&gt;.txt</c> in the source tree. Nothing is regenerated silently: when the file
/// is missing or differs, the test fails and writes <c>&lt;name&gt;.actual.txt</c> beside it for review (rename it to
/// accept it).
/// </summary>
internal static class Golden
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "ServerlessHub.Tests", "Replies", "Golden");

    public static void AssertMatches(string name, string actual)
    {
        var expectedPath = Path.Combine(Folder, name + ".txt");
        var actualPath = Path.Combine(Folder, name + ".actual.txt");
        if (!File.Exists(expectedPath))
        {
            File.WriteAllText(actualPath, actual + "\n");
            Assert.Fail($"No golden file {name}.txt; wrote {name}.actual.txt for review.");
        }

        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n").TrimEnd('\n');
        if (expected != actual)
        {
            File.WriteAllText(actualPath, actual + "\n");
        }
        else if (File.Exists(actualPath))
        {
            File.Delete(actualPath);
        }

        Assert.Equal(expected, actual);
    }
}

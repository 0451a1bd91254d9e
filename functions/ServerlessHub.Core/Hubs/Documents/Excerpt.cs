namespace ServerlessHub.Hubs.Documents;

/// <summary>Shortens user text quoted in error messages, so an error list stays small whatever the document holds.</summary>
internal static class Excerpt
{
    private const int MaxLength = 60;

    public static string Of(string value) =>
        value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");
}

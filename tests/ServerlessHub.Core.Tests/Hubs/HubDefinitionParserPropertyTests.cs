using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ServerlessHub.Hubs;

/// <summary>Hostile input: whatever the text, the parser returns a result — it never throws.</summary>
public sealed class HubDefinitionParserPropertyTests
{
    // The characters YAML and JSON give meaning to, plus a few that are ordinary, wide or awkward.
    private static readonly char[] Structural =
        [.. "{}[]:,-?&*!|>'\"#%@`\\\n\r\t  abz09.+~=", '\u3000', '：', '周', '\uFEFF', '\0', '\uD800'];

    private static readonly string[] Seeds =
        [HubDocuments.Minimal, HubDocuments.MinimalJson, .. HubFiles.Documents.Select(File.ReadAllText)];

    private static Gen<string> Noise(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(length => Gen.Elements(Structural).ArrayOf(length)).Select(chars => new string(chars));

    private static readonly Gen<string> Mutated =
        from seed in Gen.Elements(Seeds)
        from operation in Gen.Choose(0, 3)
        from position in Gen.Choose(0, seed.Length)
        from length in Gen.Choose(1, 40)
        from insert in Noise(12)
        select Mutate(seed, operation, position, length, insert);

    [Property]
    public bool Parse_AnyString_ReturnsAResult(string? text) => ReturnsAResult(text ?? "");

    [Property]
    public Property Parse_StructuralNoise_ReturnsAResult() => Prop.ForAll(Noise(200).ToArbitrary(), ReturnsAResult);

    [Property(MaxTest = 300)]
    public Property Parse_MutatedValidDocument_ReturnsAResult() => Prop.ForAll(Mutated.ToArbitrary(), ReturnsAResult);

    private static bool ReturnsAResult(string text)
    {
        HubDefinitionParseResult result = HubDefinitionParser.Parse(text);
        return result.Succeeded == (result.Errors.Count == 0)
            && result.Errors.Count <= HubDefinitionLimits.MaxErrors + 1
            && result.Errors.All(e => e.English.Length > 0 && e.Chinese.Length > 0 && e.Code.Length > 0);
    }

    private static string Mutate(string seed, int operation, int position, int length, string insert)
    {
        int end = Math.Min(seed.Length, position + length);
        return operation switch
        {
            0 => seed.Remove(position, end - position),
            1 => seed.Insert(position, insert),
            2 => string.Concat(seed.AsSpan(0, position), insert, seed.AsSpan(end)),
            _ => string.Concat(seed.AsSpan(0, end), seed.AsSpan(position, end - position), seed.AsSpan(end)),
        };
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ServerlessHub.WeCom.Callbacks;

/// <summary>Generators of hostile input: random text, and valid samples cut or spliced at random places.</summary>
internal static class HostileGen
{
    private static readonly Gen<char> MarkupChar = Gen.Elements("<>/![]{}\":,&;=? \n\\abcxml字\uFFFD\0".ToCharArray());

    public static Gen<string> TextNear(params string[] samples) =>
        Gen.Frequency(
            (1, MarkupChar.ArrayOf().Select(chars => new string(chars))),
            (3, Gen.Elements(samples).SelectMany(Mutate)));

    public static Gen<byte[]> Utf8Near(params string[] samples) =>
        Gen.Frequency(
            (3, TextNear(samples).Select(Encoding.UTF8.GetBytes)),
            (1, Gen.Choose(0, 255).Select(value => (byte)value).ArrayOf()));

    private static Gen<string> Mutate(string sample) =>
        from start in Gen.Choose(0, sample.Length)
        from cut in Gen.Choose(0, Math.Min(8, sample.Length - start))
        from insert in MarkupChar.ArrayOf()
        select string.Concat(sample.AsSpan(0, start), new string(insert), sample.AsSpan(start + cut));
}

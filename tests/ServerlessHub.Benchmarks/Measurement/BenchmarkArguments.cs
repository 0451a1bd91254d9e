using System.Globalization;

namespace ServerlessHub.Benchmarks.Measurement;

/// <summary>
/// The options every load benchmark takes: <c>--quick</c> for a short smoke run, and <c>--name N</c> numbers whose
/// defaults differ between a full and a quick run.
/// </summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private BenchmarkArguments(bool quick) => Quick = quick;

    public bool Quick { get; }

    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var parsed = new BenchmarkArguments(quick);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--quick")
            {
                continue;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Unknown option '{args[i]}'.");
            }

            parsed._values[args[i][2..]] = args[++i];
        }

        return parsed;
    }

    public int Int(string name, int full, int quick)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return Quick ? quick : full;
        }

        return int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} needs a positive number, not '{text}'.");
    }

    public string Text(string name, string full, string quick)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var text) ? text : Quick ? quick : full;
    }

    /// <summary>Refuses options no benchmark read, so a misspelt one is not silently ignored.</summary>
    public void EnsureAllRead()
    {
        if (_values.Keys.FirstOrDefault(k => !_read.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option '--{unknown}'.");
        }
    }
}

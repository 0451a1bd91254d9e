namespace ServerlessHub.Benchmarks.ColdStart;

/// <param name="Iterations">Measured runs of each app.</param>
/// <param name="Warmup">Discarded runs of each app before the measured ones.</param>
/// <param name="PublishProperties">Extra <c>Name=Value</c> publish properties, for every app.</param>
/// <param name="Environment">Extra environment variables, for every app (the baselines ignore the local host's settings).</param>
/// <param name="Cpus">
/// A CPU list for <c>taskset -c</c> that confines the apps (not the benchmark or Azurite), as an instance with that
/// many cores; <see langword="null"/> lets them use every CPU of the machine.
/// </param>
internal sealed partial record ColdStartOptions(int Iterations, int Warmup, IReadOnlyList<string> PublishProperties, IReadOnlyDictionary<string, string> Environment, string? Cpus)
{
    public static ColdStartOptions Parse(IReadOnlyList<string> args)
    {
        var iterations = 30;
        var warmup = 2;
        var properties = new List<string>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        string? cpus = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--iterations":
                    iterations = Count(args, ++i, minimum: 1);
                    break;
                case "--warmup":
                    warmup = Count(args, ++i, minimum: 0);
                    break;
                case "--cpus":
                    cpus = ++i < args.Count && CpuList().IsMatch(args[i])
                        ? args[i]
                        : throw new ArgumentException("'--cpus' needs a CPU list as taskset -c takes it, such as 0 or 0,1 or 0-1.");
                    if (!OperatingSystem.IsLinux())
                    {
                        throw new ArgumentException("'--cpus' confines the apps with taskset, which only Linux has.");
                    }

                    break;
                case var property when property.StartsWith("-p:", StringComparison.Ordinal) && property.Contains('=', StringComparison.Ordinal):
                    properties.Add(property[3..]);
                    break;
                case var variable when variable.StartsWith("-e:", StringComparison.Ordinal) && variable.IndexOf('=', StringComparison.Ordinal) > 3:
                    var equals = variable.IndexOf('=', StringComparison.Ordinal);
                    environment[variable[3..equals]] = variable[(equals + 1)..];
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return new ColdStartOptions(iterations, warmup, properties, environment, cpus);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$")]
    private static partial System.Text.RegularExpressions.Regex CpuList();

    private static int Count(IReadOnlyList<string> args, int index, int minimum) =>
        index < args.Count && int.TryParse(args[index], System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a number of at least {minimum}.");
}

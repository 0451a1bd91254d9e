namespace ServerlessHub.Benchmarks.ColdStart;

internal sealed record ColdStartOptions(int Iterations, int Warmup, IReadOnlyList<string> PublishProperties)
{
    public static ColdStartOptions Parse(IReadOnlyList<string> args)
    {
        var iterations = 15;
        var warmup = 2;
        var properties = new List<string>();
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
                case var property when property.StartsWith("-p:", StringComparison.Ordinal) && property.Contains('=', StringComparison.Ordinal):
                    properties.Add(property[3..]);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return new ColdStartOptions(iterations, warmup, properties);
    }

    private static int Count(IReadOnlyList<string> args, int index, int minimum) =>
        index < args.Count && int.TryParse(args[index], System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a number of at least {minimum}.");
}

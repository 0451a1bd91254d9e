namespace ServerlessHub.Hubs.Documents;

/// <summary>Finds the known name a misspelt one was probably meant to be ("did you mean").</summary>
internal static class Suggestion
{
    public static string? Closest(string written, IEnumerable<string> known)
    {
        // Edit distance is quadratic; names longer than any known one by far are not typos.
        if (written.Length > 64)
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = string.Equals(written, candidate, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            int allowed = Math.Max(1, candidate.Length / 3);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // Optimal string alignment distance: Levenshtein plus swaps of neighbours, the commonest typo.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

using System.Security.Cryptography;

namespace ServerlessHub.WeCom.Simulation.AiBot;

/// <summary>
/// The AI bot's one-off reply addresses (document 101138): each <c>response_url</c> may be called once, within an hour
/// of the message that carried it.
/// </summary>
public sealed class ResponseUrlRegistry(TimeProvider timeProvider)
{
    /// <summary>How long a response_url stays usable: one hour, as WeCom documents.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Lock sync = new();
    private readonly Dictionary<string, (DateTimeOffset IssuedAt, bool Used)> codes = new(StringComparer.Ordinal);

    /// <summary>Issues a new response code, as WeCom does with each AI-bot message callback.</summary>
    public string Issue()
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (sync)
        {
            codes[code] = (timeProvider.GetUtcNow(), false);
        }

        return code;
    }

    internal ResponseCodeUse Use(string? code)
    {
        lock (sync)
        {
            if (code is null || !codes.TryGetValue(code, out var entry))
            {
                return ResponseCodeUse.Unknown;
            }

            if (entry.Used)
            {
                return ResponseCodeUse.AlreadyUsed;
            }

            if (timeProvider.GetUtcNow() - entry.IssuedAt > Lifetime)
            {
                return ResponseCodeUse.Expired;
            }

            codes[code] = entry with { Used = true };
            return ResponseCodeUse.Accepted;
        }
    }
}

internal enum ResponseCodeUse
{
    Accepted,
    Unknown,
    AlreadyUsed,
    Expired,
}

using System.Globalization;
using ServerlessHub.Periods;

namespace ServerlessHub.Access;

/// <summary>
/// When a new key expires, as people write it: <c>90d</c> (days from now), <c>2027-06-30</c> (the key works through
/// that day in the given time zone) or an instant with its offset (<c>2027-06-30T18:00:00+08:00</c>).
/// </summary>
public static class KeyExpiry
{
    /// <summary>The longest a key may be made to last: ten years.</summary>
    public const int MaxDays = 3650;

    /// <returns>The instant the key stops working, or null when <paramref name="text"/> is none of the forms above or is not after now.</returns>
    public static DateTimeOffset? Parse(string text, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        DateTimeOffset expires;
        if (text.EndsWith('d') && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            if (days is < 1 or > MaxDays)
            {
                return null;
            }

            expires = now.AddDays(days);
        }
        else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // The end of 9999-12-31 in a zone east of UTC is past the last instant there is.
            if (!Periods.PeriodKey.IsSupportedDay(date))
            {
                return null;
            }

            expires = LocalTime.ToInstant(date.AddDays(1), TimeOnly.MinValue, zone);
        }
        else if (!text.Contains('T', StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out expires)
            || !HasOffset(text))
        {
            return null;
        }

        return expires > now ? expires.ToUniversalTime() : null;
    }

    // An instant without an offset would be read in this server's zone, which nobody means.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal);
}

namespace ServerlessHub.Periods;

/// <summary>
/// Converts between a hub's local dates and times and UTC instants, with one rule for clock changes (DST) so every
/// local date and time maps to exactly one instant.
/// </summary>
public static class LocalTime
{
    /// <summary>
    /// The instant at which the clock in <paramref name="zone"/> shows <paramref name="time"/> on
    /// <paramref name="date"/>, in UTC.
    /// </summary>
    /// <remarks>
    /// A local time skipped when clocks go forward is moved forward by the length of the gap, i.e. read with the
    /// offset in force before the change: 02:30 on the day New York springs forward is 03:30 EDT, and where clocks
    /// jump forward at midnight (São Paulo until 2019) the day starts when they change. A local time shown twice when
    /// clocks go back is its first occurrence, so a deadline never falls later than the first time the clock shows it.
    /// </remarks>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The offsets either side of the gap: reading the local time with one offset lands on the other side of
            // the change, so two round trips yield both, and the earlier (smaller) offset is the one before the gap.
            var first = OffsetAt(local - zone.GetUtcOffset(local), zone);
            var second = OffsetAt(local - first, zone);
            offset = first < second ? first : second;
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The instant local midnight begins <paramref name="date"/> in <paramref name="zone"/> (see <see cref="ToInstant"/>).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) => ToInstant(date, TimeOnly.MinValue, zone);

    /// <summary>The local date in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateOnly ToDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    private static TimeSpan OffsetAt(DateTime utc, TimeZoneInfo zone) => zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

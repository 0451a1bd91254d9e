using NCrontab;

namespace ServerlessHub.LocalHost.Timers;

/// <summary>
/// A 6-field NCRONTAB schedule (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>) evaluated in a time
/// zone. The local host evaluates every schedule in UTC, as Flex Consumption does (it has no <c>WEBSITE_TIME_ZONE</c>).
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule _cron;
    private readonly TimeZoneInfo _zone;

    private TimerSchedule(CrontabSchedule cron, TimeZoneInfo zone)
    {
        _cron = cron;
        _zone = zone;
    }

    /// <exception cref="FormatException">The expression is not a 6-field NCRONTAB expression.</exception>
    public static TimerSchedule Parse(string expression, TimeZoneInfo zone)
    {
        if (expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            throw new FormatException($"'{expression}' is not a 6-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}).");
        }

        try
        {
            return new TimerSchedule(CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }), zone);
        }
        catch (CrontabException ex)
        {
            throw new FormatException($"'{expression}' is not a valid NCRONTAB expression: {ex.Message}", ex);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, _zone).DateTime;
        while (true)
        {
            local = _cron.GetNextOccurrence(local);
            // A local time that a DST spring-forward skips does not exist; the next valid occurrence is taken instead.
            if (!_zone.IsInvalidTime(local))
            {
                return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
            }
        }
    }
}

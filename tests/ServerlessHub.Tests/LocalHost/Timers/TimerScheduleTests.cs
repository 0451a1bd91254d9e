
namespace ServerlessHub.LocalHost.Timers;

public sealed class TimerScheduleTests
{
    [Fact]
    public void NextAfter_EveryMinute_IsTheNextWholeMinute()
    {
        var schedule = TimerSchedule.Parse("0 * * * * *", TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 1, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NextAfter_InShanghai_ConvertsToUtc()
    {
        var schedule = TimerSchedule.Parse("0 0 9 * * 1", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        // Monday 2026-11-23 09:00 in Shanghai is 01:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NextAfter_LocalTimeSkippedBySpringForward_TakesTheNextValidOccurrence()
    {
        var schedule = TimerSchedule.Parse("0 30 2 * * *", TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        // 2026-03-08 02:30 does not exist in New York; the next run is 2026-03-09 02:30 EDT (06:30 UTC).
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 6, 30, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("0 0 25 * * *")]
    [InlineData("every minute")]
    public void Parse_NotSixFieldNcrontab_Throws(string expression) =>
        Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression, TimeZoneInfo.Utc));
}

using Xunit;

namespace ServerlessHub.Periods;

public class LocalTimeTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void ToInstant_Shanghai_IsEightHoursAhead()
    {
        Assert.Equal(Utc(2026, 12, 31, 16), LocalTime.ToInstant(new DateOnly(2027, 1, 1), TimeOnly.MinValue, Shanghai));
    }

    [Fact]
    public void ToInstant_SkippedBySpringForward_MovesForwardByTheGap()
    {
        // 2026-03-08 02:30 does not exist in New York; read with EST (−5) it is 03:30 EDT.
        Assert.Equal(Utc(2026, 3, 8, 7, 30), LocalTime.ToInstant(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork));
    }

    [Fact]
    public void ToInstant_RepeatedByFallBack_IsFirstOccurrence()
    {
        // 2026-11-01 01:30 happens twice in New York; the first is EDT (−4).
        Assert.Equal(Utc(2026, 11, 1, 5, 30), LocalTime.ToInstant(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));
    }

    [Fact]
    public void StartOfDay_MidnightSkipped_IsWhenClocksChange()
    {
        // São Paulo sprang forward at 2018-11-04 00:00 (−3 → −2): the day began at 01:00 local, 03:00 UTC.
        Assert.Equal(Utc(2018, 11, 4, 3), LocalTime.StartOfDay(new DateOnly(2018, 11, 4), SaoPaulo));
        Assert.Equal(new DateOnly(2018, 11, 4), LocalTime.ToDate(Utc(2018, 11, 4, 3), SaoPaulo));
        Assert.Equal(new DateOnly(2018, 11, 3), LocalTime.ToDate(Utc(2018, 11, 4, 2, 59), SaoPaulo));
    }

    [Fact]
    public void ToDate_JustBeforeShanghaiMidnight_IsPreviousDay()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), LocalTime.ToDate(Utc(2026, 12, 31, 15, 59), Shanghai));
        Assert.Equal(new DateOnly(2027, 1, 1), LocalTime.ToDate(Utc(2026, 12, 31, 16), Shanghai));
    }
}

using ServerlessHub.Calendar;
using Xunit;

namespace ServerlessHub.Periods;

public class ReportTimelineTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DayOffset FridayAtFive = new(4, DayUnit.Calendar, DayAnchor.PeriodStart, new TimeOnly(17, 0));

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static ReportTimeline CreateSut(Cadence cadence, DayOffset? due = null, DayOffset? opens = null, TimeZoneInfo? zone = null) =>
        new(new ReportSchedule(cadence, due ?? FridayAtFive, opens), WorkingDayCalendar.China, zone);

    private static ReportTimeline Semesters(DayOffset? opens = null) => new(
        new ReportSchedule(
            Cadence.Semester,
            new DayOffset(10, DayUnit.Working, DayAnchor.PeriodStart, new TimeOnly(17, 0)),
            opens,
            Terms:
            [
                new Term("2026-2027-2", "2026-2027学年第二学期", D(2027, 2, 22), D(2027, 7, 2)),
                new Term("2026-2027-1", "2026-2027学年第一学期", D(2026, 9, 1), D(2027, 1, 22)),
            ]),
        WorkingDayCalendar.China);

    [Theory]
    [InlineData(2026, 11, 23, "2026-W48")]
    [InlineData(2024, 12, 30, "2025-W01")] // Monday of the week holding 2025-01-02
    [InlineData(2027, 1, 3, "2026-W53")] // Sunday ending 2026's 53rd week
    [InlineData(2021, 1, 3, "2020-W53")]
    [InlineData(2021, 1, 4, "2021-W01")]
    public void Containing_Weekly_IsIsoWeek(int year, int month, int day, string key)
    {
        var sut = CreateSut(Cadence.Weekly, zone: TimeZoneInfo.Utc);

        var period = sut.Containing(Utc(year, month, day, 12));

        Assert.Equal(key, period?.Key);
    }

    [Theory]
    [InlineData("2026-W53", 2026, 12, 28)]
    [InlineData("2020-W53", 2020, 12, 28)]
    [InlineData("2025-W01", 2024, 12, 30)]
    public void FromKey_Week53AndYearBoundary_StartsOnMonday(string key, int year, int month, int day)
    {
        var period = CreateSut(Cadence.Weekly).FromKey(key);

        Assert.Equal(D(year, month, day), period?.FirstDay);
        Assert.Equal(D(year, month, day).AddDays(6), period?.LastDay);
    }

    [Fact]
    public void Next_LastWeekOf2026_IsFirstWeekOf2027()
    {
        var sut = CreateSut(Cadence.Weekly);

        Assert.Equal("2027-W01", sut.Next(sut.FromKey("2026-W53")!)?.Key);
        Assert.Equal("2026-W52", sut.Previous(sut.FromKey("2026-W53")!)?.Key);
    }

    [Fact]
    public void Containing_ShanghaiMidnightMonday_StartsNewWeekWhileUtcIsStillSunday()
    {
        var shanghai = CreateSut(Cadence.Weekly);
        var utc = CreateSut(Cadence.Weekly, zone: TimeZoneInfo.Utc);
        var mondayMidnightInShanghai = Utc(2026, 11, 22, 16);

        Assert.Equal("2026-W47", shanghai.Containing(mondayMidnightInShanghai.AddTicks(-1))?.Key);
        Assert.Equal("2026-W48", shanghai.Containing(mondayMidnightInShanghai)?.Key);
        Assert.Equal("2026-W47", utc.Containing(mondayMidnightInShanghai)?.Key);
        Assert.Equal(mondayMidnightInShanghai, shanghai.FromKey("2026-W48")?.Start);
    }

    [Fact]
    public void Containing_ShanghaiNewYear_IsJanuaryAndFirstQuarter()
    {
        var newYear = Utc(2026, 12, 31, 16);

        Assert.Equal("2027-01", CreateSut(Cadence.Monthly).Containing(newYear)?.Key);
        Assert.Equal("2026-12", CreateSut(Cadence.Monthly).Containing(newYear.AddSeconds(-1))?.Key);
        Assert.Equal("2027-Q1", CreateSut(Cadence.Quarterly).Containing(newYear)?.Key);
        Assert.Equal("2026-Q4", CreateSut(Cadence.Quarterly, zone: TimeZoneInfo.Utc).Containing(newYear)?.Key);
    }

    [Fact]
    public void FromKey_February2028_EndsAfterLeapDay()
    {
        var period = CreateSut(Cadence.Monthly).FromKey("2028-02")!;

        Assert.Equal(D(2028, 2, 29), period.LastDay);
        Assert.Equal(Utc(2028, 2, 29, 16), period.End);
    }

    [Fact]
    public void FromKey_WeekWithSpringForward_IsAnHourShorter()
    {
        var period = CreateSut(Cadence.Weekly, zone: NewYork).FromKey("2026-W10")!;

        Assert.Equal(Utc(2026, 3, 2, 5), period.Start);
        Assert.Equal(Utc(2026, 3, 9, 4), period.End);
    }

    [Fact]
    public void Containing_ClocksFallBackAcrossMonthStart_FollowsInstantsNotWallClock()
    {
        // Summer time (+1) ends at 00:30 on 11-01, back to 10-31 23:30: the wall clock re-enters October after
        // November has begun at the first 00:00.
        var zone = CustomZone(
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 4, 1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 30, 0), 11, 1));
        var sut = CreateSut(Cadence.Monthly, zone: zone);
        var secondOctober2345 = Utc(2026, 10, 31, 23, 45);

        var period = sut.Containing(secondOctober2345);

        Assert.Equal(new DateOnly(2026, 10, 31), LocalTime.ToDate(secondOctober2345, zone));
        Assert.Equal("2026-11", period?.Key);
        Assert.Equal(Utc(2026, 10, 31, 23), period?.Start);
    }

    [Fact]
    public void Containing_ClocksJumpOverMidnight_FollowsInstantsNotWallClock()
    {
        // Summer time (+1) starts at 23:30 on 03-31, straight to 04-01 00:30; 04-01 00:00 is read at +0, so April
        // begins at 00:00 UTC and the first half hour of April on the wall clock still belongs to March.
        var zone = CustomZone(
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 23, 30, 0), 3, 31),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 1));
        var sut = CreateSut(Cadence.Monthly, zone: zone);
        var wallClockApril0040 = Utc(2026, 3, 31, 23, 40);

        var period = sut.Containing(wallClockApril0040);

        Assert.Equal(new DateOnly(2026, 4, 1), LocalTime.ToDate(wallClockApril0040, zone));
        Assert.Equal("2026-03", period?.Key);
        Assert.Equal(Utc(2026, 4, 1), period?.End);
    }

    private static TimeZoneInfo CustomZone(TimeZoneInfo.TransitionTime start, TimeZoneInfo.TransitionTime end) => TimeZoneInfo.CreateCustomTimeZone(
        "Test/SummerTime",
        TimeSpan.Zero,
        "Test",
        "Test",
        "Test Summer",
        [TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end)]);

    [Fact]
    public void Due_WeeklyFridayAtFive_IsFridayFivePmShanghai()
    {
        var period = CreateSut(Cadence.Weekly).FromKey("2026-W48")!;

        Assert.Equal(Utc(2026, 11, 27, 9), period.Due);
        Assert.Equal(period.Start, period.Opens);
    }

    [Fact]
    public void Due_ThreeWorkingDaysAfterWeekEndingInSpringFestival_SkipsFestival()
    {
        // Week 2026-W07 ends on Sunday 02-15, the first day of the 02-15..02-23 holiday: 02-24, 25, 26.
        var sut = CreateSut(Cadence.Weekly, new DayOffset(3, DayUnit.Working, DayAnchor.PeriodEnd, new TimeOnly(17, 0)));

        Assert.Equal(Utc(2026, 2, 26, 9), sut.FromKey("2026-W07")!.Due);
    }

    [Fact]
    public void Due_SixWorkingDaysAfterWeek_CountsMakeUpSaturday()
    {
        // After Sunday 2026-02-08: 02-09..02-13 are five, the make-up Saturday 02-14 is the sixth.
        var sut = CreateSut(Cadence.Weekly, new DayOffset(6, DayUnit.Working, DayAnchor.PeriodEnd, new TimeOnly(12, 0)));

        Assert.Equal(Utc(2026, 2, 14, 4), sut.FromKey("2026-W06")!.Due);
    }

    [Fact]
    public void Due_FirstWorkingDayAfterJanuary2025_IsAfterSpringFestival()
    {
        // January 2025 ends on Friday 01-31, inside the 01-28..02-04 holiday.
        var sut = CreateSut(Cadence.Monthly, new DayOffset(1, DayUnit.Working, DayAnchor.PeriodEnd, new TimeOnly(9, 0)));

        Assert.Equal(Utc(2025, 2, 5, 1), sut.FromKey("2025-01")!.Due);
    }

    [Fact]
    public void Due_AnchoredToOpening_CountsFromOpeningDay()
    {
        // Opens on the last working day before the week's Sunday, here the make-up Saturday 10-10.
        var sut = CreateSut(
            Cadence.Weekly,
            due: new DayOffset(1, DayUnit.Working, DayAnchor.Open, new TimeOnly(17, 0)),
            opens: new DayOffset(-1, DayUnit.Working, DayAnchor.PeriodEnd, new TimeOnly(9, 0)));

        var period = sut.FromKey("2026-W41")!;

        Assert.Equal(Utc(2026, 10, 10, 1), period.Opens);
        Assert.Equal(Utc(2026, 10, 12, 9), period.Due);
    }

    [Fact]
    public void Due_QuarterEndInUtc_IsAfterYearEnd()
    {
        var sut = CreateSut(Cadence.Quarterly, new DayOffset(0, DayUnit.Calendar, DayAnchor.PeriodEnd, new TimeOnly(23, 59)), zone: TimeZoneInfo.Utc);

        var period = sut.FromKey("2026-Q4")!;

        Assert.Equal(Utc(2026, 12, 31, 23, 59), period.Due);
        Assert.Equal(Utc(2027, 1, 1), period.End);
    }

    [Fact]
    public void DueBetween_TickAcrossFridayFive_IsThatWeek()
    {
        var sut = CreateSut(Cadence.Weekly);
        var w48 = sut.FromKey("2026-W48")!;

        Assert.Equal(["2026-W48"], sut.DueBetween(w48.Due.AddMinutes(-1), w48.Due).Select(p => p.Key));
        Assert.Empty(sut.DueBetween(w48.Due, w48.Due.AddMinutes(1)));
    }

    [Fact]
    public void DueBetween_SemesterTerms_InTermOrderAndAdHocNever()
    {
        var sut = Semesters();
        var first = sut.FromKey("2026-2027-1")!;
        var second = sut.FromKey("2026-2027-2")!;

        Assert.Equal(["2026-2027-1", "2026-2027-2"], sut.DueBetween(first.Start, second.End).Select(p => p.Key));
        Assert.Empty(CreateSut(Cadence.AdHoc).DueBetween(first.Start, second.End));
    }

    [Fact]
    public void OpeningBetween_WeeklyTicks_ExcludesFromAndIncludesTo()
    {
        var sut = CreateSut(Cadence.Weekly);
        var w48 = sut.FromKey("2026-W48")!;
        var w50 = sut.FromKey("2026-W50")!;

        var opened = sut.OpeningBetween(w48.Start, w50.Start);

        Assert.Equal(["2026-W49", "2026-W50"], opened.Select(p => p.Key));
    }

    [Fact]
    public void OpeningBetween_MissedTicksOverMaxCount_ReturnsEarliest()
    {
        var sut = CreateSut(Cadence.Monthly);

        var opened = sut.OpeningBetween(Utc(2026, 1, 1), Utc(2026, 12, 31), maxCount: 3);

        Assert.Equal(["2026-02", "2026-03", "2026-04"], opened.Select(p => p.Key));
    }

    [Fact]
    public void OpeningBetween_OpeningBeforeStart_FindsNextPeriod()
    {
        // Opens on the Friday before the week starts; a tick on that Friday opens next week's period.
        var sut = CreateSut(Cadence.Weekly, opens: new DayOffset(-3, DayUnit.Calendar, DayAnchor.PeriodStart, new TimeOnly(9, 0)));

        var opened = sut.OpeningBetween(Utc(2026, 11, 20, 0), Utc(2026, 11, 20, 2));

        Assert.Equal(["2026-W48"], opened.Select(p => p.Key));
    }

    [Fact]
    public void Containing_BetweenTerms_IsNull()
    {
        var sut = Semesters();

        Assert.Null(sut.Containing(Utc(2027, 2, 1)));
        Assert.Equal("2026-2027-1", sut.Containing(Utc(2026, 10, 1))?.Key);
        Assert.Equal("2026-2027-2", sut.Containing(Utc(2027, 2, 21, 16))?.Key);
    }

    [Fact]
    public void Next_Terms_FollowDatesAndEnd()
    {
        var sut = Semesters();
        var first = sut.FromKey("2026-2027-1")!;

        Assert.Equal("2026-2027-2", sut.Next(first)?.Key);
        Assert.Null(sut.Previous(first));
        Assert.Null(sut.Next(sut.Next(first)!));
    }

    [Fact]
    public void Overlapping_WeeklyRangeFromSundayToMonday_IncludesBothPartialWeeks()
    {
        var sut = CreateSut(Cadence.Weekly);

        var periods = sut.Overlapping(D(2026, 11, 22), D(2026, 11, 30));

        Assert.Equal(["2026-W47", "2026-W48", "2026-W49"], periods.Select(p => p.Key));
    }

    [Fact]
    public void Overlapping_MonthlyAcrossYearEnd_ReturnsEachMonthOnce()
    {
        var periods = CreateSut(Cadence.Monthly).Overlapping(D(2026, 12, 31), D(2027, 1, 1));

        Assert.Equal(["2026-12", "2027-01"], periods.Select(p => p.Key));
    }

    [Fact]
    public void Overlapping_Terms_ReturnsTermsTouchingTheRangeOnly()
    {
        var sut = Semesters();

        Assert.Equal(["2026-2027-1"], sut.Overlapping(D(2027, 1, 22), D(2027, 2, 21)).Select(p => p.Key));
        Assert.Empty(sut.Overlapping(D(2027, 1, 23), D(2027, 2, 21)));
        Assert.Equal(["2026-2027-1", "2026-2027-2"], sut.Overlapping(D(2026, 1, 1), D(2027, 12, 31)).Select(p => p.Key));
    }

    [Fact]
    public void Overlapping_RangeEndingBeforeItStarts_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreateSut(Cadence.Weekly).Overlapping(D(2026, 11, 2), D(2026, 11, 1)));
    }

    [Fact]
    public void OpeningBetween_TermsOpeningAWeekEarly_ReturnsTermWhoseOpeningFell()
    {
        var sut = Semesters(new DayOffset(-7, DayUnit.Calendar, DayAnchor.PeriodStart, new TimeOnly(9, 0)));

        var opened = sut.OpeningBetween(Utc(2026, 8, 20), Utc(2026, 8, 30));

        var term = Assert.Single(opened);
        Assert.Equal(Utc(2026, 8, 25, 1), term.Opens);
        Assert.Equal(Utc(2026, 9, 15, 9), term.Due); // 10th working day after 09-01
    }

    [Fact]
    public void FromKey_OnceWindow_IsThatWindow()
    {
        var window = new Term("2026-safety-check", "2026年安全检查", D(2026, 6, 1), D(2026, 6, 30));
        var sut = new ReportTimeline(new ReportSchedule(Cadence.Once, FridayAtFive, Once: window), WorkingDayCalendar.China);

        Assert.Equal(D(2026, 6, 30), sut.FromKey("2026-safety-check")?.LastDay);
        Assert.Null(sut.FromKey("2026-06"));
        Assert.Null(sut.Next(sut.FromKey("2026-safety-check")!));
    }

    [Fact]
    public void AdHoc_ValidId_AppliesSchedule()
    {
        var sut = CreateSut(Cadence.AdHoc, new DayOffset(3, DayUnit.Working, DayAnchor.PeriodStart, new TimeOnly(17, 0)));

        var period = sut.AdHoc("flood-2026-07", D(2026, 9, 30), D(2026, 10, 15));

        Assert.Equal("flood-2026-07", period.Key);
        Assert.Equal(Utc(2026, 10, 10, 9), period.Due); // after National Day: 10-08, 10-09, then the make-up Saturday
        Assert.Null(sut.FromKey("flood-2026-07"));
        Assert.Empty(sut.OpeningBetween(Utc(2026, 9, 1), Utc(2026, 11, 1)));
    }

    [Fact]
    public void AdHoc_IdWithSlash_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreateSut(Cadence.AdHoc).AdHoc("2026/07", D(2026, 7, 1), D(2026, 7, 2)));
    }

    [Fact]
    public void Constructor_OverlappingTerms_Throws()
    {
        var schedule = new ReportSchedule(
            Cadence.Semester,
            FridayAtFive,
            Terms: [new Term("a", "a", D(2026, 9, 1), D(2027, 1, 22)), new Term("b", "b", D(2027, 1, 22), D(2027, 7, 2))]);

        Assert.Throws<ArgumentException>(() => new ReportTimeline(schedule, WorkingDayCalendar.China));
    }

    [Fact]
    public void Constructor_OpeningAnchoredToOpening_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreateSut(Cadence.Weekly, opens: new DayOffset(1, DayUnit.Calendar, DayAnchor.Open, TimeOnly.MinValue)));
    }

    [Fact]
    public void Next_PeriodOfOtherCadence_Throws()
    {
        var week = CreateSut(Cadence.Weekly).FromKey("2026-W48")!;

        Assert.Throws<ArgumentException>(() => CreateSut(Cadence.Monthly).Next(week));
    }
}

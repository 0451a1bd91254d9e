using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ServerlessHub.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    // Dates from mid-2023 to mid-2027, so the properties cross both edges of the shipped data.
    private static readonly Gen<DateOnly> Dates = Gen.Choose(0, 4 * 365).Select(d => D(2023, 7, 1).AddDays(d));

    [Fact]
    public void CoveredYears_ShippedData_Are2024To2026()
    {
        Assert.True(China.CoveredYears.SetEquals([2024, 2025, 2026]));
    }

    [Fact]
    public void IsWorkingDay_EveryDate2024To2026_MatchesOfficialNotices()
    {
        for (var day = D(2024, 1, 1); day <= D(2026, 12, 31); day = day.AddDays(1))
        {
            var expected = StatutoryDays.MakeUpWorkdays.Contains(day)
                || (!StatutoryDays.DaysOff.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            Assert.True(expected == China.IsWorkingDay(day), $"{day:yyyy-MM-dd}: expected working = {expected}");
        }
    }

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")] // National Day: 10-01..10-07 off
    [InlineData("2026-10-09", 1, "2026-10-10")] // make-up Saturday counts
    [InlineData("2026-02-13", 1, "2026-02-14")] // make-up Saturday before Spring Festival
    [InlineData("2026-02-13", 2, "2026-02-24")] // Spring Festival 02-15..02-23 skipped
    [InlineData("2025-01-24", 1, "2025-01-26")] // make-up Sunday
    [InlineData("2024-12-31", 1, "2025-01-02")] // across the year end and New Year's Day
    [InlineData("2026-10-01", 0, "2026-10-08")] // 0 on a day off: the next working day
    [InlineData("2026-10-10", 0, "2026-10-10")] // 0 on a working day: that day
    [InlineData("2026-10-08", -1, "2026-09-30")] // negative: backwards over the holiday
    [InlineData("2026-02-24", -1, "2026-02-14")] // negative: onto the make-up Saturday
    public void AddWorkingDays_AcrossHolidaysAndMakeUpDays_LandsOnOfficialWorkingDay(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), China.AddWorkingDays(DateOnly.Parse(from, CultureInfo.InvariantCulture), days));
    }

    [Property]
    public Property AddWorkingDays_PositiveDays_LandsOnWorkingDayExactlyThatManyAfter() =>
        Prop.ForAll(
            Arb.From(from date in Dates from days in Gen.Choose(1, 60) select (date, days)),
            x =>
            {
                var result = China.AddWorkingDays(x.date, x.days);
                return China.IsWorkingDay(result) && China.WorkingDaysBetween(x.date, result) == x.days;
            });

    [Property]
    public Property AddWorkingDays_NegativeDays_LandsOnWorkingDayExactlyThatManyBefore() =>
        Prop.ForAll(
            Arb.From(from date in Dates from days in Gen.Choose(1, 60) select (date, days)),
            x =>
            {
                var result = China.AddWorkingDays(x.date, -x.days);
                return China.IsWorkingDay(result) && China.WorkingDaysBetween(result.AddDays(-1), x.date.AddDays(-1)) == x.days;
            });

    [Property]
    public Property AddWorkingDays_Zero_IsFirstWorkingDayOnOrAfter() =>
        Prop.ForAll(
            Arb.From(Dates),
            date =>
            {
                var result = China.AddWorkingDays(date, 0);
                return result >= date && China.IsWorkingDay(result) && China.WorkingDaysBetween(date.AddDays(-1), result.AddDays(-1)) == 0;
            });

    [Fact]
    public void WorkingDaysBetween_NationalDayWeek2026_CountsMakeUpSaturdayOnly()
    {
        // 09-30 (Wed) excluded .. 10-10 (make-up Saturday) included: 10-08, 10-09, 10-10.
        Assert.Equal(3, China.WorkingDaysBetween(D(2026, 9, 30), D(2026, 10, 10)));
        Assert.Equal(0, China.WorkingDaysBetween(D(2026, 10, 10), D(2026, 9, 30)));
    }

    [Fact]
    public void AddWorkingDays_HubSummerVacation_SkipsVacation()
    {
        var school = China.WithDaysOff([new DateRange(D(2026, 7, 6), D(2026, 8, 30))]);

        Assert.False(school.IsWorkingDay(D(2026, 7, 6)));
        Assert.Equal(D(2026, 8, 31), school.AddWorkingDays(D(2026, 7, 3), 1));
        Assert.Equal(D(2026, 7, 6), China.AddWorkingDays(D(2026, 7, 3), 1));
    }

    [Fact]
    public void IsWorkingDay_HubDayOffOnMakeUpSaturday_IsOff()
    {
        var winterVacation = China.WithDaysOff([new DateRange(D(2026, 1, 31), D(2026, 3, 1))]);

        Assert.True(China.IsWorkingDay(D(2026, 2, 14)));
        Assert.False(winterVacation.IsWorkingDay(D(2026, 2, 14)));
    }

    [Fact]
    public void IsWorkingDay_HubWorkingDayInsideVacationAndOnHoliday_IsWorking()
    {
        var school = China
            .WithDaysOff([new DateRange(D(2026, 7, 6), D(2026, 8, 30))])
            .WithWorkingDays([DateRange.Day(D(2026, 7, 15)), DateRange.Day(D(2026, 10, 1))]);

        Assert.True(school.IsWorkingDay(D(2026, 7, 15)));
        Assert.True(school.IsWorkingDay(D(2026, 10, 1)));
        Assert.Equal(D(2026, 7, 15), school.AddWorkingDays(D(2026, 7, 3), 1));
    }

    [Theory]
    [InlineData(2023, "2023-01-02")] // Monday; actually a holiday that year, unknown without data
    [InlineData(2027, "2027-01-04")] // 2027-01-01 is a Friday
    public void IsWorkingDay_YearWithoutData_FallsBackToWeekdaysAndReportsYearOnce(int year, string firstWorkingDayAfterJan1)
    {
        var reported = new List<int>();
        var calendar = China.ReportingYearsWithoutData(reported.Add);

        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            Assert.Equal(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), calendar.IsWorkingDay(day));
        }

        Assert.Equal(DateOnly.Parse(firstWorkingDayAfterJan1, CultureInfo.InvariantCulture), calendar.AddWorkingDays(new DateOnly(year, 1, 1), 1));
        Assert.Equal([year], reported);
        Assert.DoesNotContain(year, calendar.CoveredYears);
    }

    [Fact]
    public void IsWorkingDay_CoveredYearOrDayDecidedByHub_ReportsNothing()
    {
        var reported = new List<int>();
        var calendar = China.WithDaysOff([DateRange.Day(D(2027, 1, 4))]).ReportingYearsWithoutData(reported.Add);

        calendar.IsWorkingDay(D(2026, 12, 31));
        calendar.IsWorkingDay(D(2027, 1, 4));

        Assert.Empty(reported);
    }

    [Fact]
    public void WithDaysOff_RangeLongerThanAYear_Throws()
    {
        var everything = new DateRange(D(2026, 1, 1), D(2027, 1, 2));

        Assert.Throws<ArgumentException>(() => China.WithDaysOff([everything]));
    }

    [Fact]
    public void AddWorkingDays_AdjacentRangesLeaveNoWorkingDay_ThrowsInsteadOfLooping()
    {
        var nothingWorks = China.WithDaysOff([new DateRange(D(2026, 1, 1), D(2026, 12, 31)), new DateRange(D(2027, 1, 1), D(2027, 12, 31))]);

        Assert.Throws<InvalidOperationException>(() => nothingWorks.AddWorkingDays(D(2025, 12, 31), 1));
        Assert.Throws<InvalidOperationException>(() => nothingWorks.AddWorkingDays(D(2028, 1, 1), -1));
    }

    [Fact]
    public void AddWorkingDays_MoreThanMaximum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(D(2026, 1, 1), WorkingDayCalendar.MaxWorkingDays + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(D(2026, 1, 1), int.MinValue));
    }
}

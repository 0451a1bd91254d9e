using ServerlessHub.Chat;
using ServerlessHub.Hubs;
using Xunit;

namespace ServerlessHub.Digests;

public class DigestCalendarTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly Hub Kindergartens = new(ChatHubs.Kindergartens, 1);
    private static readonly DigestSchedule MondayNine = new(DayOfWeek.Monday, new TimeOnly(9, 0));

    [Fact]
    public void LastOccurrence_TickWindowHoldingMondayNine_FindsIt()
    {
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai);

        Assert.Equal(at, DigestCalendar.LastOccurrence(MondayNine, Kindergartens.Calendar, Kindergartens.TimeZone, at.AddMinutes(-1), at));
        Assert.Null(DigestCalendar.LastOccurrence(MondayNine, Kindergartens.Calendar, Kindergartens.TimeZone, at, at.AddMinutes(1)));
    }

    [Fact]
    public void LastOccurrence_MondayIsAHoliday_WaitsForTheNextWorkingDayUnlessTheHubPostsAnyway()
    {
        // 2026-10-05, a Monday, falls in the National Day holiday; the statutory calendar knows the next working day.
        var holiday = new DateOnly(2026, 10, 5);
        Assert.False(Kindergartens.Calendar.IsWorkingDay(holiday));
        var next = Kindergartens.Calendar.AddWorkingDays(holiday, 0);
        var week = (new DateTimeOffset(2026, 10, 4, 0, 0, 0, Shanghai), new DateTimeOffset(2026, 10, 11, 0, 0, 0, Shanghai));

        var waited = DigestCalendar.LastOccurrence(MondayNine, Kindergartens.Calendar, Kindergartens.TimeZone, week.Item1, week.Item2);
        var posted = DigestCalendar.LastOccurrence(MondayNine with { OnDaysOff = DaysOffRule.Post }, Kindergartens.Calendar, Kindergartens.TimeZone, week.Item1, week.Item2);

        Assert.Equal(new DateTimeOffset(next.ToDateTime(new TimeOnly(9, 0)), Shanghai), waited);
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 9, 0, 0, Shanghai), posted);
    }

    [Fact]
    public void LastDue_MondayMorning_IsLastWeekAndLastMonthOnceDue()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai);

        Assert.Equal("2026-W47", DigestCalendar.LastDue(Kindergartens, Kindergartens.FindReport("weekly")!, monday)!.Key);
        Assert.Equal("2026-10", DigestCalendar.LastDue(Kindergartens, Kindergartens.FindReport("monthly")!, monday)!.Key);
    }

    [Fact]
    public void LastDue_TermLongPast_IsNothing()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai);

        Assert.Null(DigestCalendar.LastDue(Kindergartens, Kindergartens.FindReport("semester-summary")!, monday));
    }
}

using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using Xunit;

namespace ServerlessHub.Reminders;

/// <summary>
/// The demo kindergarten hub's ladders placed on real weeks and months: steps from the due instant in calendar or working
/// days on the China calendar, then moved into the sending hours (08:30–20:00 on working days). Times are Shanghai local.
/// </summary>
public sealed class ReminderLadderTests
{
    private static readonly Hub Kindergartens = new(Chat.ChatHubs.Kindergartens, 1);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Schedule_OrdinaryWeek_ThursdayFridayThenNextMondayAndWednesday()
    {
        var ladder = Weekly("2026-W48");

        Assert.Equal(
            [
                (0, "-1d", Local(2026, 11, 26, 17, 0), Local(2026, 11, 26, 17, 0)),
                (1, "0", Local(2026, 11, 27, 17, 0), Local(2026, 11, 27, 17, 0)),
                (2, "+1wd", Local(2026, 11, 30, 17, 0), Local(2026, 11, 30, 17, 0)),
                (3, "+3wd", Local(2026, 12, 2, 17, 0), Local(2026, 12, 2, 17, 0)),
            ],
            ladder.Select(s => (s.Index, s.Step.Offset, s.Nominal, s.SendAt)));
    }

    [Fact]
    public void Schedule_WeekBeforeSpringFestival_FirstWorkingDayAfterIsTheMakeUpSaturday()
    {
        // 2026 春节: 2月15日–23日 off, 2月14日 (Saturday) and 2月28日 (Saturday) are make-up workdays (调休).
        var ladder = Weekly("2026-W07");

        Assert.Equal(
            [
                Local(2026, 2, 12, 17, 0),
                Local(2026, 2, 13, 17, 0),
                Local(2026, 2, 14, 17, 0),
                Local(2026, 2, 25, 17, 0),
            ],
            ladder.Select(s => s.SendAt));
    }

    [Fact]
    public void Schedule_SpringFestivalWeek_StepsOnDaysOffWaitForTheFirstWorkingMorning()
    {
        // Due Friday 2月20日 17:00 falls in the holiday: the Thursday and Friday steps go out when work resumes.
        var ladder = Weekly("2026-W08");

        Assert.Equal(
            [
                (Local(2026, 2, 19, 17, 0), Local(2026, 2, 24, 8, 30)),
                (Local(2026, 2, 20, 17, 0), Local(2026, 2, 24, 8, 30)),
                (Local(2026, 2, 24, 17, 0), Local(2026, 2, 24, 17, 0)),
                (Local(2026, 2, 26, 17, 0), Local(2026, 2, 26, 17, 0)),
            ],
            ladder.Select(s => (s.Nominal, s.SendAt)));
    }

    [Fact]
    public void Schedule_MonthAcrossNationalDay_DueOnTheMakeUpSaturdayAndEscalatesAfter()
    {
        // 2025 国庆中秋: 10月1日–8日 off, 10月11日 (Saturday) a make-up workday; 月通报 is due on the 3rd working day.
        var monthly = Kindergartens.FindReport("monthly")!;
        var period = Kindergartens.Timeline(monthly).FromKey("2025-09")!;

        var ladder = ReminderLadder.Schedule(Kindergartens, monthly, period);

        Assert.Equal(Local(2025, 10, 11, 17, 0), period.Due);
        Assert.Equal(
            [Local(2025, 10, 10, 17, 0), Local(2025, 10, 11, 17, 0), Local(2025, 10, 13, 17, 0), Local(2025, 10, 15, 17, 0)],
            ladder.Select(s => s.SendAt));
    }

    [Fact]
    public void Schedule_InTheHubsSummerBreak_WaitsForItsEnd()
    {
        // The demo hub's own days off (暑假 7月4日–8月31日) are not working days: nothing goes out until 9月1日, and
        // working days count from then.
        var ladder = Weekly("2026-W29");

        Assert.Equal(
            [Local(2026, 9, 1, 8, 30), Local(2026, 9, 1, 8, 30), Local(2026, 9, 1, 17, 0), Local(2026, 9, 3, 17, 0)],
            ladder.Select(s => s.SendAt));
    }

    [Fact]
    public void Nominal_HoursBeforeTheDueInstant()
    {
        var step = new ReminderStep(0, DayUnit.Calendar, null, ReminderAudience.Submitter, null, Hours: -2);
        var period = Kindergartens.Timeline(Kindergartens.FindReport("weekly")!).FromKey("2026-W48")!;

        Assert.Equal(Local(2026, 11, 27, 15, 0), ReminderLadder.Nominal(Kindergartens, step, period));
        Assert.Equal("-2h", step.Offset);
    }

    [Theory]
    [InlineData(2026, 11, 27, 7, 0, 2026, 11, 27, 8, 30)]
    [InlineData(2026, 11, 27, 8, 30, 2026, 11, 27, 8, 30)]
    [InlineData(2026, 11, 27, 19, 59, 2026, 11, 27, 19, 59)]
    [InlineData(2026, 11, 27, 20, 0, 2026, 11, 30, 8, 30)]
    [InlineData(2026, 11, 28, 12, 0, 2026, 11, 30, 8, 30)]
    [InlineData(2026, 2, 13, 21, 0, 2026, 2, 14, 8, 30)]
    public void NextAllowed_OutsideTheHours_MovesToTheNextWorkingMorning(int y, int m, int d, int h, int min, int ey, int em, int ed, int eh, int emin)
    {
        var allowed = SendingHours.Default.NextAllowed(Local(y, m, d, h, min), Kindergartens.Calendar, Shanghai);

        Assert.Equal(Local(ey, em, ed, eh, emin), allowed);
    }

    private static IReadOnlyList<ScheduledReminder> Weekly(string key)
    {
        var weekly = Kindergartens.FindReport("weekly")!;
        return ReminderLadder.Schedule(Kindergartens, weekly, Kindergartens.Timeline(weekly).FromKey(key)!);
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();
}

using ServerlessHub.Periods;

namespace ServerlessHub.Replies;

public sealed class ReplyFormatTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void When_UtcInstant_ShowsShanghaiDayWeekdayAndTime()
    {
        // 09:00 UTC on Friday is 17:00 in Shanghai; 16:30 UTC on the 27th is already the 28th there.
        Assert.Equal("11月27日（周五）17:00", ReplyFormat.When(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), Shanghai));
        Assert.Equal("11月28日（周六）00:30", ReplyFormat.When(new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.Zero), Shanghai));
    }

    [Theory]
    [InlineData(Cadence.Weekly, "2026-W48", "2026-11-23", "2026-11-29", "2026年第48周（11月23日—11月29日）", "2026年第48周")]
    [InlineData(Cadence.Weekly, "2026-W53", "2026-12-28", "2027-01-03", "2026年第53周（12月28日—1月3日）", "2026年第53周")]
    [InlineData(Cadence.Weekly, "2027-W01", "2027-01-04", "2027-01-10", "2027年第1周（1月4日—1月10日）", "2027年第1周")]
    [InlineData(Cadence.Monthly, "2026-11", "2026-11-01", "2026-11-30", "2026年11月", "2026年11月")]
    [InlineData(Cadence.Quarterly, "2026-Q4", "2026-10-01", "2026-12-31", "2026年第四季度", "2026年第四季度")]
    [InlineData(Cadence.Quarterly, "2027-Q1", "2027-01-01", "2027-03-31", "2027年第一季度", "2027年第一季度")]
    [InlineData(Cadence.AdHoc, "visit-1", "2026-12-28", "2027-01-05", "2026年12月28日—2027年1月5日", "2026年12月28日—2027年1月5日")]
    public void Period_EachCadence_ReadsAsCoordinatorsWriteIt(Cadence cadence, string key, string first, string last, string full, string brief)
    {
        var kind = DemoHubs.Kindergartens.ReportOf("weekly");
        var period = new Period(key, cadence, DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture),
            default, default, default, default);

        Assert.Equal(full, ReplyFormat.Period(kind, period));
        Assert.Equal(brief, ReplyFormat.PeriodShort(kind, period));
    }

    [Fact]
    public void Period_Semester_IsTheTermName()
    {
        var hub = DemoHubs.Kindergartens;
        var kind = hub.ReportOf("semester-summary");

        var period = hub.Timeline(kind).FromKey("2026-2027-2")!;

        Assert.Equal("2026—2027学年第二学期", ReplyFormat.Period(kind, period));
    }

    [Theory]
    [InlineData(0, 0, 0, 30, "不到1分钟")]
    [InlineData(0, 0, 40, 0, "40分钟")]
    [InlineData(0, 5, 0, 0, "5小时")]
    [InlineData(0, 5, 20, 59, "5小时20分钟")]
    [InlineData(2, 3, 45, 0, "2天3小时")]
    [InlineData(1, 0, 10, 0, "1天")]
    public void Duration_Span_CountsTwoLargestUnits(int days, int hours, int minutes, int seconds, string expected) =>
        Assert.Equal(expected, ReplyFormat.Duration(new TimeSpan(days, hours, minutes, seconds)));

    [Theory]
    [InlineData(1.0, "100%")]
    [InlineData(0.0, "0%")]
    [InlineData(8.0 / 13, "61.5%")]
    [InlineData(2.0 / 3, "66.7%")]
    public void Percent_Ratio_OneDecimalAtMost(double ratio, string expected) => Assert.Equal(expected, ReplyFormat.Percent(ratio));

    [Fact]
    public void Clip_LongTextWithEmoji_CutsWholeCharactersAndJoinsLines()
    {
        Assert.Equal("好😀好…", ReplyFormat.Clip("好😀好😀好", 3));
        Assert.Equal("一 二", ReplyFormat.Clip("一\n二", 3));
    }

    [Fact]
    public void Example_Kind_NamesRequiredFieldsInOrder() =>
        Assert.Equal("周报 本周进展：… 下周计划：…", ReplyFormat.Example(DemoHubs.Kindergartens.ReportOf("weekly")));
}

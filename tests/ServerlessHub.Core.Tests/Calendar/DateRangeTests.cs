using Xunit;

namespace ServerlessHub.Calendar;

public class DateRangeTests
{
    [Fact]
    public void Constructor_LastBeforeFirst_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DateRange(new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Contains_BothEnds_Included()
    {
        var range = new DateRange(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 3));

        Assert.True(range.Contains(new DateOnly(2026, 7, 1)));
        Assert.True(range.Contains(new DateOnly(2026, 7, 3)));
        Assert.False(range.Contains(new DateOnly(2026, 7, 4)));
        Assert.Equal(3, range.Days);
    }
}

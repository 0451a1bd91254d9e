using Xunit;

namespace ServerlessHub.Periods;

public class PeriodKeyTests
{
    [Theory]
    [InlineData("2026-W48")]
    [InlineData("2026-2027-1")]
    [InlineData("2026秋季学期")]
    public void IsValid_PlainIds_True(string key)
    {
        Assert.True(PeriodKey.IsValid(key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026/11")]
    [InlineData("a\\b")]
    [InlineData("#1")]
    [InlineData("why?")]
    [InlineData("tab\there")]
    [InlineData("del\u007f")]
    [InlineData(" padded")]
    [InlineData("padded ")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public void IsValid_TableKeyBreakers_False(string? key)
    {
        Assert.False(PeriodKey.IsValid(key));
    }

    [Theory]
    [InlineData(Cadence.Weekly, "2026-W5")]
    [InlineData(Cadence.Weekly, "2026-W00")]
    [InlineData(Cadence.Weekly, "2021-W53")] // 2021 has 52 ISO weeks
    [InlineData(Cadence.Weekly, "0000-W01")]
    [InlineData(Cadence.Weekly, "２０２６-W01")] // full-width digits
    [InlineData(Cadence.Monthly, "2026-13")]
    [InlineData(Cadence.Monthly, "2026-1")]
    [InlineData(Cadence.Monthly, "2026-00")]
    [InlineData(Cadence.Quarterly, "2026-Q5")]
    [InlineData(Cadence.Quarterly, "2026-q4")]
    [InlineData(Cadence.Quarterly, "2026-11")]
    public void ParseFirstDay_NotCanonical_Null(Cadence cadence, string key)
    {
        Assert.Null(PeriodKey.ParseFirstDay(cadence, key));
    }
}

using Xunit;
using static ServerlessHub.Chat.ChatHubs;

namespace ServerlessHub.Chat;

/// <summary>汇总 and 看 for coordinators and leaders, and period keys as the API writes them.</summary>
public sealed class ChatCommandParserDigestTests
{
    [Fact]
    public void Digest_KindAndWeekKey_NamesThatWeek()
    {
        var digest = Parse<ShowDigest>("汇总 周报 2026-W47", Leader);

        Assert.Equal("weekly", digest.Kind.Id);
        Assert.Equal(new DateOnly(2026, 11, 16), digest.Period!.Day);
    }

    [Fact]
    public void Digest_LastWeekWord_NamesLastWeek()
    {
        var digest = Parse<ShowDigest>("汇总 周报 上周", Coordinator);

        Assert.Equal(Today.AddDays(-7), digest.Period!.Day);
    }

    [Fact]
    public void Digest_NoPeriod_LeavesItToTheLatestDue()
    {
        Assert.Null(Parse<ShowDigest>("汇总 周报", Leader).Period);
    }

    [Fact]
    public void Digest_MonthKeyWithoutKind_PicksTheMonthlyKind()
    {
        var digest = Parse<ShowDigest>("汇总 2026-10", Leader);

        Assert.Equal(("monthly", new DateOnly(2026, 10, 1)), (digest.Kind.Id, digest.Period!.Day));
    }

    [Fact]
    public void Digest_Liaison_IsNotAllowed()
    {
        Assert.Equal(ChatVerb.Digest, Parse<NotAllowed>("汇总 周报", Liaison).Verb);
    }

    [Fact]
    public void Show_KindAndUnitWords_CarryTheUnitWords()
    {
        var show = Parse<ShowUnitReport>("看 周报 秣陵", Leader);

        Assert.Equal(("weekly", "秣陵", null), (show.Kind.Id, show.Unit, show.Period));
    }

    [Fact]
    public void Show_WithPeriod_CarriesBoth()
    {
        var show = Parse<ShowUnitReport>("查看 周报 上周 谷里", Coordinator);

        Assert.Equal(("谷里", Today.AddDays(-7)), (show.Unit, show.Period!.Day));
    }

    [Fact]
    public void Show_WordStartingWithKan_IsNotTheCommand()
    {
        Assert.IsType<ShowHelp>(ChatCommandParser.Parse("看到了", Leader, Kindergartens, Today));
    }

    [Fact]
    public void WeekKey_OutOfRange_IsNotAPeriod()
    {
        var digest = Parse<ShowDigest>("汇总 周报 2026-W60", Leader);

        Assert.Null(digest.Period);
    }
}

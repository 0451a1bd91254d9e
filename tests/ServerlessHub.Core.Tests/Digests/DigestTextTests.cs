using Xunit;

namespace ServerlessHub.Digests;

public class DigestTextTests
{
    [Theory]
    [InlineData("<@all> 请看", "＜＠all＞ 请看")]
    [InlineData("[点我](http://evil.example)", "［点我］（http://evil.example）")]
    [InlineData("<font color=\"warning\">红</font>", "＜font color=\"warning\"＞红＜/font＞")]
    [InlineData("**加粗** `代码` # 标题", "＊＊加粗＊＊ ｀代码｀ ＃ 标题")]
    [InlineData("第一行\n> 引用\r\n第三行", "第一行 ＞ 引用 第三行")]
    [InlineData("a\u0000b\u2028c", "a b c")]
    public void Escape_MarkupAndLineBreaks_BecomeHarmlessText(string written, string escaped)
    {
        Assert.Equal(escaped, MarkdownText.Escape(written));
    }

    [Fact]
    public void TrimAtSentence_CutsAfterTheLastSentenceEndInRoom()
    {
        Assert.Equal("完成区域游戏观察记录。…", MarkdownText.TrimAtSentence("完成区域游戏观察记录。下周继续开展户外自主游戏并整理案例", 15));
        Assert.Equal("短句", MarkdownText.TrimAtSentence("短句", 15));
        Assert.Equal("一二三四五…", MarkdownText.TrimAtSentence("一二三四五六七八九十", 5));
        Assert.Equal("开展户外游戏…", MarkdownText.TrimAtSentence("开展户外游戏，整理观察记录并分享案例", 10));
    }

    [Theory]
    [InlineData("无", true)]
    [InlineData("暂无。", true)]
    [InlineData(" 没有 ", true)]
    [InlineData("无问题", true)]
    [InlineData("", true)]
    [InlineData("无法协调场地", false)]
    [InlineData("教师不足", false)]
    public void EmptyAnswers_RecogniseNothingToSay(string answer, bool empty)
    {
        Assert.Equal(empty, EmptyAnswers.IsEmpty(answer));
    }
}

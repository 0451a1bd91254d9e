using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ServerlessHub.WeCom.Api;

public sealed partial class WeComMessagePartsTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Property(Arbitrary = [typeof(SplitCases)])]
    public void Split_AnyContent_EveryPartFitsTheLimit(SplitCase split)
    {
        foreach (var part in WeComMessageParts.Split(split.Content, split.Format, split.MaxBytes))
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(part), 0, split.MaxBytes);
        }
    }

    [Property(Arbitrary = [typeof(SplitCases)])]
    public void Split_AnyContent_EveryPartIsValidUtf8(SplitCase split)
    {
        foreach (var part in WeComMessageParts.Split(split.Content, split.Format, split.MaxBytes))
        {
            var bytes = StrictUtf8.GetBytes(part);
            Assert.Equal(part, StrictUtf8.GetString(bytes));
        }
    }

    [Property(Arbitrary = [typeof(SplitCases)])]
    public void Split_AnyContent_PartsWithoutNumbersRebuildTheContentInOrder(SplitCase split)
    {
        var parts = WeComMessageParts.Split(split.Content, split.Format, split.MaxBytes);

        Assert.Equal(split.Content, string.Concat(Bodies(parts)));
    }

    [Property(Arbitrary = [typeof(SplitCases)])]
    public void Split_ContentOverLimit_NumbersPartsOneToCount(SplitCase split)
    {
        var parts = WeComMessageParts.Split(split.Content, split.Format, split.MaxBytes);

        if (parts.Count == 1 && Encoding.UTF8.GetByteCount(split.Content) <= split.MaxBytes)
        {
            Assert.Equal(split.Content, parts[0]);
            return;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var marker = Marker().Match(parts[i]);
            Assert.True(marker.Success, $"Part {i + 1} has no number: {parts[i]}");
            Assert.Equal(i + 1, int.Parse(marker.Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.Equal(parts.Count, int.Parse(marker.Groups[2].Value, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Split_ContentWithinLimit_ReturnsItUnnumbered()
    {
        const string content = "## 本周进展\n完成课程游戏化观摩活动2场。";

        Assert.Equal([content], WeComMessageParts.Split(content, WeComContentFormat.Markdown, WeComContentLimits.RobotMarkdownBytes));
    }

    [Fact]
    public void Split_LongChineseMarkdownDigest_CutsBeforeHeadingsAndKeepsSectionsWhole()
    {
        var digest = ChineseDigest(unitCount: 14);

        var parts = WeComMessageParts.Split(digest, WeComContentFormat.Markdown, WeComContentLimits.RobotMarkdownBytes);

        Assert.True(parts.Count > 1);
        Assert.All(parts, part => Assert.InRange(Encoding.UTF8.GetByteCount(part), 1, WeComContentLimits.RobotMarkdownBytes));
        Assert.All(Bodies(parts), body => Assert.StartsWith("### ", body, StringComparison.Ordinal));
        Assert.StartsWith("（1/", parts[0], StringComparison.Ordinal);
        Assert.Equal(digest, string.Concat(Bodies(parts)));
    }

    [Fact]
    public void Split_ParagraphWithoutLineBreaks_CutsAfterSentences()
    {
        var paragraph = string.Concat(Enumerable.Range(1, 80).Select(i => $"第{i}项工作已按计划推进，成效明显。"));

        var parts = WeComMessageParts.Split(paragraph, WeComContentFormat.Text, WeComContentLimits.AppTextBytes);

        Assert.True(parts.Count > 1);
        Assert.All(Bodies(parts), body => Assert.EndsWith("。", body, StringComparison.Ordinal));
        Assert.Equal(paragraph, string.Concat(Bodies(parts)));
    }

    [Fact]
    public void Split_EmojiRunWithoutBoundaries_NeverSeparatesASurrogatePair()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 200));

        var parts = WeComMessageParts.Split(emoji, WeComContentFormat.Text, WeComMessageParts.MinimumMaxBytes);

        Assert.All(Bodies(parts), body =>
        {
            Assert.False(char.IsLowSurrogate(body[0]));
            Assert.False(char.IsHighSurrogate(body[^1]));
        });
        Assert.Equal(emoji, string.Concat(Bodies(parts)));
    }

    [Fact]
    public void Split_LimitBelowMinimum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeComMessageParts.Split("内容", WeComContentFormat.Text, WeComMessageParts.MinimumMaxBytes - 1));
    }

    private static IEnumerable<string> Bodies(IReadOnlyList<string> parts) =>
        parts.Count == 1 && !Marker().IsMatch(parts[0]) ? parts : parts.Select(part => Marker().Replace(part, "", 1));

    private static string ChineseDigest(int unitCount)
    {
        string[] units = ["秣陵中心幼儿园", "谷里中心幼儿园", "淳化中心幼儿园", "清水亭幼儿园", "东善桥幼儿园", "上峰幼儿园", "龙都幼儿园", "机关幼儿园", "翠屏山幼儿园", "天地新城幼儿园", "示范幼儿园", "天元城幼儿园", "百家湖幼儿园", "竹山幼儿园"];
        var digest = new StringBuilder();
        foreach (var unit in units.Take(unitCount))
        {
            digest.Append(CultureInfo.InvariantCulture, $"### {unit}\n");
            digest.Append("> 本周进展：开展课程游戏化观摩活动，完成区域环境创设调整，组织教师围绕“幼儿自主游戏”进行专题研讨，形成案例两篇。\n");
            digest.Append("> 存在问题：户外场地在雨天利用率不高，部分新教师对观察记录的方法掌握不足，需要进一步培训。\n");
            digest.Append("> 下周计划：邀请专家入园指导，完善游戏故事记录模板，开展半日活动展示。\n\n");
        }

        return digest.ToString();
    }

    [GeneratedRegex(@"^（(\d+)/(\d+)）\n")]
    private static partial Regex Marker();
}

public sealed record SplitCase(string Content, WeComContentFormat Format, int MaxBytes);

public static class SplitCases
{
    private static readonly string[] Pieces =
    [
        "周报", "本周进展：", "完成观摩活动两场。", "存在问题！", "下周计划？", "；", "，", "、", "abc", " ", "\n", "\n", "\r\n",
        "## 亮点\n", "# 总体情况\n", "### 问题清单\n", "#不是标题", "😀", "👨‍👩‍👧", "𠮷", "é", "x",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
    ];

    public static Arbitrary<SplitCase> Cases() => Arb.From(
        from pieces in Gen.Elements(Pieces).ListOf()
        from format in Gen.Elements(WeComContentFormat.Text, WeComContentFormat.Markdown)
        from maxBytes in Gen.Choose(WeComMessageParts.MinimumMaxBytes, 300)
        select new SplitCase(string.Concat(pieces), format, maxBytes));
}

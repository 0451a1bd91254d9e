namespace ServerlessHub.Digests;

/// <summary>Answers that say there is nothing to say (无, 暂无, 没有, 无问题 …): left out of a digest's problem list.</summary>
public static class EmptyAnswers
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "无", "暂无", "没有", "无问题", "暂无问题", "没有问题", "无困难", "暂无困难", "没有困难", "无问题和困难", "暂无问题和困难",
        "无明显问题", "暂未发现问题", "未发现问题", "一切正常", "正常", "否", "none", "n/a", "na", "nil", "-", "—", "/", "／", "0",
    };

    /// <summary>Whether <paramref name="text"/> is such an answer, ignoring spaces and end punctuation.</summary>
    public static bool IsEmpty(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var bare = text.Trim().TrimEnd('。', '.', '！', '!', '；', ';', '，', ',', ' ', '\u3000');
        return bare.Length == 0 || Words.Contains(bare);
    }
}

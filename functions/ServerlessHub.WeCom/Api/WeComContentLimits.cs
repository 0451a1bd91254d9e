using System.Text;

namespace ServerlessHub.WeCom.Api;

/// <summary>
/// WeCom's content limits, counted in UTF-8 bytes. Sources: group robot (91770): text 2048, markdown 4096;
/// message/send and appchat/send (90236, 90248): text 2048 (longer text is silently truncated), markdown 2048.
/// </summary>
public static class WeComContentLimits
{
    /// <summary>A group robot text message: 2048 bytes.</summary>
    public const int RobotTextBytes = 2048;

    /// <summary>A group robot markdown message: 4096 bytes.</summary>
    public const int RobotMarkdownBytes = 4096;

    /// <summary>An app or app-owned chat text message: 2048 bytes.</summary>
    public const int AppTextBytes = 2048;

    /// <summary>An app or app-owned chat markdown message: 2048 bytes.</summary>
    public const int AppMarkdownBytes = 2048;

    /// <summary>The limit for a group robot message of <paramref name="format"/>.</summary>
    public static int ForRobot(WeComContentFormat format) => format == WeComContentFormat.Markdown ? RobotMarkdownBytes : RobotTextBytes;

    /// <summary>The limit for an app or app-owned chat message of <paramref name="format"/>.</summary>
    public static int ForApp(WeComContentFormat format) => format == WeComContentFormat.Markdown ? AppMarkdownBytes : AppTextBytes;

    internal static void EnsureWithin(string content, int maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(content);
        var bytes = Encoding.UTF8.GetByteCount(content);
        if (bytes > maxBytes)
        {
            throw new ArgumentException(
                $"Content is {bytes} UTF-8 bytes; WeCom accepts at most {maxBytes}. Split it with WeComMessageParts.Split.", nameof(content));
        }
    }
}

namespace ServerlessHub.WeCom.Api;

/// <summary>How WeCom renders a message's content.</summary>
public enum WeComContentFormat
{
    /// <summary>Plain text (<c>"msgtype":"text"</c>).</summary>
    Text = 1,

    /// <summary>WeCom's markdown subset (<c>"msgtype":"markdown"</c>); <c>#</c> headings start sections.</summary>
    Markdown = 2,
}

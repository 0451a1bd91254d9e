namespace ServerlessHub.WeCom.Api;

/// <summary>
/// A text card (文本卡片消息): a title, a description that may use WeCom's <c>&lt;div class="gray"&gt;</c> classes,
/// and a link. WeCom documents the title up to 128 bytes, the description up to 512 bytes, the URL up to 2048 bytes
/// and the button text up to 4 characters (default 详情).
/// </summary>
/// <param name="Title">The card title.</param>
/// <param name="Description">The card body.</param>
/// <param name="Url">The link opened when the card is tapped (http or https).</param>
/// <param name="ButtonText">The button label, or <see langword="null"/> for WeCom's default 详情.</param>
public sealed record WeComTextCard(string Title, string Description, string Url, string? ButtonText = null)
{
    internal TextCardBody ToBody()
    {
        ArgumentException.ThrowIfNullOrEmpty(Title);
        ArgumentException.ThrowIfNullOrEmpty(Description);
        ArgumentException.ThrowIfNullOrEmpty(Url);
        return new TextCardBody(Title, Description, Url, ButtonText);
    }
}

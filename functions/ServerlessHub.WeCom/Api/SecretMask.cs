namespace ServerlessHub.WeCom.Api;

/// <summary>Masks secrets that WeCom might echo back in an <c>errmsg</c> before it reaches an exception message.</summary>
internal static class SecretMask
{
    private const string Mask = "***";

    public static string? Apply(string? text, params ReadOnlySpan<string?> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}

namespace ServerlessHub.Http;

/// <summary>
/// The language to answer in: English when the request's preferred Accept-Language is English, Chinese (zh-CN, the
/// product's language) otherwise.
/// </summary>
public static class RequestLanguage
{
    public static bool PrefersEnglish(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var preferred = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault();
        return preferred is not null && preferred.Value.StartsWith("en", StringComparison.OrdinalIgnoreCase);
    }

    public static System.Globalization.CultureInfo Culture(HttpContext context) =>
        System.Globalization.CultureInfo.GetCultureInfo(PrefersEnglish(context) ? "en" : "zh-CN");

    /// <summary>Picks the text in the request's language.</summary>
    public static string Pick(HttpContext context, string chinese, string english) => PrefersEnglish(context) ? english : chinese;
}

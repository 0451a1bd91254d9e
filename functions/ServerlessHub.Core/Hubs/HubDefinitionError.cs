using System.Globalization;

namespace ServerlessHub.Hubs;

/// <summary>
/// One problem in a hub definition: where it is (<see cref="Path"/> such as <c>reports[0].fields[2].type</c>, and the
/// source line and column when known), what it is (<see cref="Code"/>, stable across releases, listed in
/// <see cref="HubDefinitionErrorCodes"/>), and a message for people in English and in Chinese. Both messages start
/// with the path (or the line and column for syntax errors), so each reads on its own.
/// </summary>
/// <param name="Path">The property path; empty for the document itself.</param>
/// <param name="Code">A stable code from <see cref="HubDefinitionErrorCodes"/>.</param>
/// <param name="English">The message in English.</param>
/// <param name="Chinese">The message in Simplified Chinese (zh-CN).</param>
/// <param name="Line">The 1-based source line, when known.</param>
/// <param name="Column">The 1-based source column, when known.</param>
public sealed record HubDefinitionError(string Path, string Code, string English, string Chinese, int? Line = null, int? Column = null)
{
    /// <summary>The message in the language of <paramref name="culture"/>: English for any English culture, Chinese
    /// otherwise (zh-CN is the product's default language).</summary>
    public string GetMessage(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en" ? English : Chinese;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {English}";
}

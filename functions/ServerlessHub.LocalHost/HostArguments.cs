using System.Globalization;

namespace ServerlessHub.LocalHost;

/// <summary>
/// Tells configuration switches for running the app (<c>--urls http://…</c>, <c>--LocalHost:RunTriggers=false</c>,
/// <c>/urls …</c>, <c>key=value</c>) from words the host would silently ignore, such as a mistyped command. It reads
/// arguments as .NET's command-line configuration provider does: <c>--key</c> and <c>/key</c> without <c>=</c> take the
/// next argument as their value; a bare word without <c>=</c> and a single-dash switch (we define no short switches)
/// set nothing.
/// </summary>
internal static class HostArguments
{
    /// <summary>The first argument that is not configuration, or null when every argument is.</summary>
    public static string? FirstUnrecognised(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) || arg.StartsWith('/'))
            {
                if (!arg.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }
            }
            else if (arg.StartsWith('-') || !arg.Contains('=', StringComparison.Ordinal))
            {
                return arg;
            }
        }

        return null;
    }

    /// <summary>Whether the arguments ask for the usage: <c>--help</c> or <c>-h</c> anywhere, or <c>help</c> first.</summary>
    public static bool AskForHelp(IReadOnlyList<string> args) =>
        args is ["help", ..] || args.Any(a => a is "--help" or "-h");

    /// <summary>English messages on <c>--lang=en</c> or an English UI culture; Chinese otherwise.</summary>
    public static bool English(IReadOnlyList<string> args) =>
        args.Contains("--lang=en", StringComparer.Ordinal) || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

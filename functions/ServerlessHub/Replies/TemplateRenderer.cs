using System.Text.RegularExpressions;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ServerlessHub.Replies;

/// <summary>
/// The Scriban templates under a folder (<c>templates/**/*.scriban</c>), parsed once and rendered by name with an
/// explicit model. A template sees only the model's properties and Scriban's pure built-in functions: no services,
/// no .NET methods, no include, no clock; every render runs under the limits below.
/// </summary>
public sealed partial class TemplateRenderer
{
    /// <summary>The most loop iterations one render may take (Scriban's default is 1000; chat replies list at most a
    /// hub's units and fields, so 2000 leaves room without letting a template run away).</summary>
    public const int LoopLimit = 2000;

    /// <summary>The deepest nesting of template function calls (Scriban's default is 100).</summary>
    public const int RecursiveLimit = 20;

    /// <summary>The most characters one render may produce or convert to a string (64 KiB; WeCom text is ≤ 2048 bytes,
    /// so anything near this is a template bug).</summary>
    public const int OutputLimit = 64 * 1024;

    private const string Extension = ".scriban";

    private readonly Dictionary<string, Template> _templates;

    private TemplateRenderer(Dictionary<string, Template> templates) => _templates = templates;

    /// <summary>The template names: paths under the folder with '/' separators and without the extension, e.g. <c>chat/receipt</c>.</summary>
    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>Parses every <c>*.scriban</c> file under <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">A template has syntax errors; the message names the file, line and column.</exception>
    public static TemplateRenderer Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No templates folder at '{folder}'.");
        }

        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, path)[..^Extension.Length].Replace(Path.DirectorySeparatorChar, '/');
            var template = Template.Parse(File.ReadAllText(path), name);
            if (template.HasErrors)
            {
                throw new InvalidDataException($"Template '{name}' ({path}) has errors: {string.Join("; ", template.Messages)}");
            }

            templates.Add(name, template);
        }

        return new TemplateRenderer(templates);
    }

    /// <summary>Renders template <paramref name="name"/> with the properties of <paramref name="model"/> (a record of
    /// plain values, lists and further such records) as its variables, named in snake_case. The output has trailing
    /// spaces removed from every line, at most one blank line in a row and no blank lines at either end.</summary>
    /// <exception cref="ArgumentException">There is no template <paramref name="name"/>.</exception>
    /// <exception cref="InvalidOperationException">The template failed: an unknown variable or member, a null
    /// dereference, or a limit reached. The message names the template, line and column.</exception>
    public string Render(string name, object model)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new ArgumentException($"No template '{name}'.", nameof(name));
        }

        var globals = new ScriptObject();
        globals.Import(model, filter: m => m is System.Reflection.PropertyInfo, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext(CreateBuiltins())
        {
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = OutputLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            StrictVariables = true,
            // A misspelt member must fail like a misspelt variable, rather than render as nothing.
            EnableRelaxedMemberAccess = false,
            MemberRenamer = StandardMemberRenamer.Default,
            MemberFilter = m => m is System.Reflection.PropertyInfo,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        try
        {
            return Tidy(template.Render(context));
        }
        catch (ScriptRuntimeException ex)
        {
            throw new InvalidOperationException($"Template '{name}' failed: {ex.Message}", ex);
        }
    }

    private static string Tidy(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim('\n');
    }

    // Scriban's built-ins minus `date`, which reads the clock: a reply depends on its model alone, so it can be
    // tested with golden files.
    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.Remove("date");
        return builtins;
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Scriban;
using ServerlessHub.Digests;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ServerlessHub.Replies;

/// <summary>How far one render may go: loop iterations, nested calls, characters produced, and wall time.</summary>
/// <param name="LoopLimit">The most iterations of one loop.</param>
/// <param name="RecursiveLimit">The deepest nesting of template function calls.</param>
/// <param name="OutputLimit">The most characters produced or converted to a string.</param>
/// <param name="TimeLimit">The longest a render may run.</param>
public sealed record RenderLimits(int LoopLimit, int RecursiveLimit, int OutputLimit, TimeSpan TimeLimit)
{
    /// <summary>Chat replies: they list at most a hub's units and fields, and WeCom text is ≤ 2048 bytes.</summary>
    public static RenderLimits Chat { get; } = new(TemplateRenderer.LoopLimit, TemplateRenderer.RecursiveLimit, TemplateRenderer.OutputLimit, TimeSpan.FromSeconds(2));

    /// <summary>Digests: a hub has up to 2,000 units, and a digest may fill several 4,096-byte messages.</summary>
    public static RenderLimits Digest { get; } = new(10_000, TemplateRenderer.RecursiveLimit, 512 * 1024, TimeSpan.FromSeconds(2));
}

/// <summary>
/// The Scriban templates under a folder (<c>templates/**/*.scriban</c>), parsed once and rendered by name with an
/// explicit model; a hub's own templates are parsed with <see cref="Parse"/> and rendered the same way. A template sees
/// only the model's properties, Scriban's pure built-in functions and <c>sentence</c> (text cut at a sentence end,
/// <see cref="MarkdownText.TrimAtSentence"/>): no services, no .NET methods, no include, no clock; every render runs
/// under its <see cref="RenderLimits"/>.
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

    /// <summary>Whether there is a template <paramref name="name"/>.</summary>
    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>Parses template text, e.g. a hub's own template.</summary>
    /// <exception cref="InvalidDataException">The text has syntax errors; the message names the template, line and column.</exception>
    public static Template Parse(string source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        var template = Template.Parse(source, name);
        return template.HasErrors
            ? throw new InvalidDataException($"Template '{name}' has errors: {string.Join("; ", template.Messages)}")
            : template;
    }

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
            templates.Add(name, Parse(File.ReadAllText(path), name));
        }

        return new TemplateRenderer(templates);
    }

    /// <summary>Renders template <paramref name="name"/> with the properties of <paramref name="model"/> (a record of
    /// plain values, lists and further such records) as its variables, named in snake_case. The output has trailing
    /// spaces removed from every line, at most one blank line in a row and no blank lines at either end.</summary>
    /// <exception cref="ArgumentException">There is no template <paramref name="name"/>.</exception>
    /// <exception cref="InvalidOperationException">The template failed: an unknown variable or member, a null
    /// dereference, or a limit reached. The message names the template, line and column.</exception>
    public string Render(string name, object model, RenderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new ArgumentException($"No template '{name}'.", nameof(name));
        }

        return Render(template, name, model, limits ?? RenderLimits.Chat);
    }

    /// <summary>Renders a template from <see cref="Parse"/> as <see cref="Render(string, object, RenderLimits?)"/> does.</summary>
    /// <exception cref="InvalidOperationException">The template failed or ran over a limit; the message names the
    /// template, line and column.</exception>
    public static string Render(Template template, string name, object model, RenderLimits limits)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(limits);
        using var timeout = new CancellationTokenSource(limits.TimeLimit);
        var globals = new ScriptObject();
        globals.Import(model, filter: m => m is System.Reflection.PropertyInfo, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext(CreateBuiltins())
        {
            LoopLimit = limits.LoopLimit,
            RecursiveLimit = limits.RecursiveLimit,
            LimitToString = limits.OutputLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = limits.OutputLimit,
            CancellationToken = timeout.Token,
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
        catch (ScriptRuntimeException ex) when (timeout.IsCancellationRequested)
        {
            throw OverTime(name, limits, ex.Span.ToStringSimple(), ex);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new InvalidOperationException($"Template '{name}' failed: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw OverTime(name, limits, context.CurrentNode?.Span.ToStringSimple() ?? name, ex);
        }
    }

    private static InvalidOperationException OverTime(string name, RenderLimits limits, string at, Exception inner) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Template '{name}' ran over its time limit of {limits.TimeLimit.TotalSeconds:0.#} s, at {at}."), inner);

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
        builtins.Import("sentence", new Func<string?, int, string>(MarkdownText.TrimAtSentence));
        return builtins;
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;

namespace Collections.Notices.Templating;

/// <summary>
/// One template part parsed by Fluid (Liquid: <c>{{ name }}</c> output, <c>{% if %}</c> conditions).
/// HTML bodies render through Fluid's HTML encoder, so every value is escaped unless it is a block this
/// assembly built; subjects and text bodies render unencoded. The variables and filters a template uses
/// are read from its syntax tree so the catalog can reject unknown ones at start-up.
/// </summary>
internal sealed partial class LiquidTemplate
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.InvariantCulture };

    // UnicodeRanges.All: Chinese text stays readable in the HTML; markup-significant characters are still escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IFluidTemplate _template;

    private LiquidTemplate(string source, IFluidTemplate template, TemplateSyntax syntax)
    {
        Source = source;
        _template = template;
        Variables = syntax.Variables;
        UnknownFilters = [.. syntax.Filters.Where(f => !Options.Filters.TryGetValue(f, out _)).Distinct(StringComparer.Ordinal)];
    }

    public string Source { get; }

    /// <summary>Variables the template reads (its own assign/capture/for names excluded).</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>Filters the template uses that Fluid does not have.</summary>
    public IReadOnlyList<string> UnknownFilters { get; }

    /// <summary>Parses a template; on a syntax error returns null and Fluid's message (with line and column).</summary>
    public static LiquidTemplate? TryParse(string source, out string? error)
    {
        if (!Parser.TryParse(source, out var template, out var message))
        {
            // Fluid appends the whole source after "Source:"; the file name and position are what a reader needs.
            var sourceAt = message.IndexOf("Source:", StringComparison.Ordinal);
            error = (sourceAt > 0 ? message[..sourceAt] : message).ReplaceLineEndings(" ").Trim();
            return null;
        }

        error = null;
        return new LiquidTemplate(source, template, TemplateSyntax.Of(template));
    }

    /// <summary>Parses a template known to be valid (built-in); throws on a bug.</summary>
    public static LiquidTemplate Parse(string source, string name) =>
        TryParse(source, out var error) ?? throw new InvalidOperationException($"Template {name} is invalid: {error}");

    /// <summary>
    /// Renders with the values' HTML forms through the HTML encoder when <paramref name="html"/>, else their
    /// text forms unencoded. Runs of blank lines left by conditions collapse into one.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, TemplateValue> values, bool html)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, html ? value.ForHtml() : value.ForText());
        }

        var rendered = _template.Render(context, html ? Html : NullEncoder.Default);
        return BlankLines().Replace(TrailingSpaces().Replace(rendered, "\n"), "\n\n");
    }

    [GeneratedRegex(@"[ \t]+\n", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}

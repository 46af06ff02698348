using System.Text;
using System.Text.RegularExpressions;

namespace Collections.Notices.Templating;

/// <summary>
/// A parsed template: literal text with <c>{{name}}</c> placeholders (lower-case letters, digits and
/// underscores; spaces inside the braces are ignored). There are no loops, conditions or raw-output
/// forms: lists such as the statement of account are rendered by code as escaped blocks.
/// </summary>
internal sealed partial class TemplateText
{
    private readonly TemplateSegment[] _segments;

    private TemplateText(string source, TemplateSegment[] segments)
    {
        Source = source;
        _segments = segments;
    }

    public string Source { get; }

    public IEnumerable<TemplateSegment> Placeholders => _segments.Where(s => s.IsPlaceholder);

    /// <summary>Parses a template; on failure returns null and the problems (with line and column).</summary>
    public static TemplateText? TryParse(string source, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var segments = new List<TemplateSegment>();
        var pos = 0;
        while (pos < source.Length)
        {
            var open = source.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0)
            {
                segments.Add(new TemplateSegment(source[pos..], null, 0, 0));
                break;
            }

            if (open > pos)
            {
                segments.Add(new TemplateSegment(source[pos..open], null, 0, 0));
            }

            var (line, column) = Position(source, open);
            var close = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nextOpen = source.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                problems.Add($"unclosed '{{{{' at line {line}, column {column}");
                pos = open + 2;
                continue;
            }

            var name = source[(open + 2)..close].Trim();
            if (!NamePattern().IsMatch(name))
            {
                problems.Add($"invalid placeholder '{{{{{name}}}}}' at line {line}, column {column} (names are lower-case letters, digits and '_')");
            }
            else
            {
                segments.Add(new TemplateSegment(null, name, line, column));
            }

            pos = close + 2;
        }

        errors = problems;
        return problems.Count == 0 ? new TemplateText(source, [.. segments]) : null;
    }

    /// <summary>Parses a template known to be valid (built-in); throws on a bug.</summary>
    public static TemplateText Parse(string source, string name) =>
        TryParse(source, out var errors) ?? throw new InvalidOperationException($"Template {name} is invalid: {string.Join("; ", errors)}");

    /// <summary>Substitutes values: their HTML form when <paramref name="html"/>, else their text form.</summary>
    public string Render(IReadOnlyDictionary<string, TemplateValue> values, bool html)
    {
        var sb = new StringBuilder(Source.Length * 2);
        foreach (var segment in _segments)
        {
            if (segment.Name is { } name)
            {
                if (!values.TryGetValue(name, out var value))
                {
                    throw new InvalidOperationException($"No value for placeholder '{name}'; templates are validated against the placeholder catalog, so this is a bug.");
                }

                sb.Append(html ? value.Html : value.Text);
            }
            else
            {
                sb.Append(segment.Literal);
            }
        }

        return sb.ToString();
    }

    private static (int Line, int Column) Position(string source, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

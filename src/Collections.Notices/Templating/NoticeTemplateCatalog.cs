using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;

namespace Collections.Notices.Templating;

/// <summary>
/// Every notice template: the built-in ones (embedded resources) with any overrides from a folder laid
/// over them part by part. <see cref="Load"/> validates the overrides and throws one
/// <see cref="NoticeTemplateException"/> naming every bad file, so a broken override stops start-up
/// rather than a send.
/// </summary>
public sealed partial class NoticeTemplateCatalog
{
    /// <summary>The version reported for built-in templates; bump it when their wording changes.</summary>
    public const string BuiltInVersion = "builtin-2026.2";

    private const string ResourcePrefix = "Collections.Notices.Templates.";

    private readonly FrozenDictionary<(NoticeKind, NoticeLanguage), NoticeTemplate> _templates;

    private NoticeTemplateCatalog(FrozenDictionary<(NoticeKind, NoticeLanguage), NoticeTemplate> templates) => _templates = templates;

    /// <summary>The built-in templates only.</summary>
    public static NoticeTemplateCatalog BuiltIn { get; } = Load(null);

    /// <summary>
    /// Loads the built-in templates and, when <paramref name="overrideFolder"/> is set, the overrides
    /// in it (top level only; names as <see cref="TemplateFileNames"/> describes; files starting with
    /// '.' or 'README' are ignored).
    /// </summary>
    /// <exception cref="NoticeTemplateException">The folder is missing or an override is invalid.</exception>
    public static NoticeTemplateCatalog Load(string? overrideFolder)
    {
        var problems = new List<string>();
        var overrides = new Dictionary<(NoticeKind, NoticeLanguage, TemplatePart), (string File, string Source)>();
        if (!string.IsNullOrWhiteSpace(overrideFolder))
        {
            ReadOverrides(overrideFolder, overrides, problems);
        }

        var templates = new Dictionary<(NoticeKind, NoticeLanguage), NoticeTemplate>();
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            foreach (var language in Enum.GetValues<NoticeLanguage>())
            {
                var parts = new LiquidTemplate?[3];
                var overrideHash = new StringBuilder();
                foreach (var part in Enum.GetValues<TemplatePart>())
                {
                    if (overrides.TryGetValue((kind, language, part), out var o))
                    {
                        parts[(int)part] = ParseAndValidate(kind, part, o.File, o.Source, problems);
                        overrideHash.Append(part).Append('\0').Append(o.Source).Append('\0');
                    }
                    else
                    {
                        var file = TemplateFileNames.FileName(kind, language, part);
                        var builtInProblems = new List<string>();
                        parts[(int)part] = ParseAndValidate(kind, part, file, ReadBuiltIn(file), builtInProblems)
                            ?? throw new InvalidOperationException($"Built-in template {file} is invalid: {string.Join("; ", builtInProblems)}");
                    }
                }

                if (parts.All(p => p is not null))
                {
                    var version = overrideHash.Length == 0
                        ? BuiltInVersion
                        : "override-" + HexSha256.Of(overrideHash.ToString())[..12];
                    templates[(kind, language)] = new NoticeTemplate(kind, language, parts[0]!, parts[1]!, parts[2]!, version);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new NoticeTemplateException($"Notice template overrides in '{overrideFolder}' are invalid:", problems);
        }

        return new NoticeTemplateCatalog(templates.ToFrozenDictionary());
    }

    /// <summary>Checks one template part against the placeholder catalog; returns every problem found.</summary>
    public static IReadOnlyList<string> Validate(NoticeKind kind, TemplatePart part, string fileName, string source)
    {
        var problems = new List<string>();
        ParseAndValidate(kind, part, fileName, Normalise(source), problems);
        return problems;
    }

    internal NoticeTemplate Get(NoticeKind kind, NoticeLanguage language) => _templates[(kind, language)];

    private static LiquidTemplate? ParseAndValidate(NoticeKind kind, TemplatePart part, string file, string source, List<string> problems)
    {
        var before = problems.Count;
        var parsed = LiquidTemplate.TryParse(source, out var error);
        if (error is not null)
        {
            problems.Add($"{file}: Liquid syntax error: {error}");
        }

        if (part == TemplatePart.Subject && source.Contains('\n', StringComparison.Ordinal))
        {
            problems.Add($"{file}: a subject must be a single line");
        }

        if (part != TemplatePart.Html && MarkupPattern().Match(source) is { Success: true } tag)
        {
            problems.Add($"{file}: plain-text templates must not contain HTML markup (found '{tag.Value}')");
        }

        if (parsed is null)
        {
            return null;
        }

        var allowed = NoticePlaceholders.Allowed(kind, part);
        var kindCode = TemplateFileNames.KindCode(kind);
        foreach (var name in parsed.Variables.Where(v => !allowed.Contains(v)).Order(StringComparer.Ordinal))
        {
            var hint = NoticePlaceholders.BodyOnly.Contains(name, StringComparer.Ordinal) && part == TemplatePart.Subject
                ? $"'{name}' is a block and is only allowed in the HTML and text bodies"
                : $"variables available for {kindCode}: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}";
            problems.Add($"{file}: unknown variable '{name}'; {hint}");
        }

        foreach (var filter in parsed.UnknownFilters)
        {
            problems.Add($"{file}: unknown filter '{filter}'");
        }

        foreach (var required in NoticePlaceholders.Required(kind, part).Order(StringComparer.Ordinal).Where(r => !parsed.Variables.Contains(r)))
        {
            problems.Add($"{file}: missing required variable '{{{{ {required} }}}}' ({kindCode} {part.ToString().ToLowerInvariant()} must include it)");
        }

        return problems.Count == before ? parsed : null;
    }

    private static void ReadOverrides(
        string folder,
        Dictionary<(NoticeKind, NoticeLanguage, TemplatePart), (string File, string Source)> overrides,
        List<string> problems)
    {
        if (!Directory.Exists(folder))
        {
            problems.Add($"{folder}: the template override folder does not exist");
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || name.StartsWith("README", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!TemplateFileNames.TryParse(name, out var kind, out var language, out var part))
            {
                problems.Add($"{name}: not a template file name; expected <kind>.<lang>.subject.txt, <kind>.<lang>.html or <kind>.<lang>.txt with kind one of {string.Join(", ", Enum.GetValues<NoticeKind>().Select(TemplateFileNames.KindCode))} and lang 'en' or 'zh-CN'");
                continue;
            }

            overrides[(kind, language, part)] = (name, Normalise(File.ReadAllText(path, Encoding.UTF8)));
        }
    }

    private static string ReadBuiltIn(string fileName)
    {
        using var stream = typeof(NoticeTemplateCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Built-in template {fileName} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Normalise(reader.ReadToEnd());
    }

    // Line endings become \n, and the final newline editors add is not part of the template.
    private static string Normalise(string source) =>
        source.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF').TrimEnd('\n');

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();
}

using System.Text.RegularExpressions;

namespace Collections.Host.Tests.Infra;

/// <summary>
/// Just enough of Bicep to check the templates without a compiler (none can be installed on the build machines):
/// declarations (param, var, output, module, resource), the extent of a bracketed block with strings and comments
/// skipped, and the top-level entries of an object or the items of an array literal.
/// </summary>
internal sealed partial class BicepFile(string path, string text)
{
    public string Path { get; } = path;

    public string Text { get; } = text;

    /// <summary>Text with // comments removed (strings kept), for searches that must not match commentary.</summary>
    public string Code => StripComments(Text);

    /// <summary>Declared parameters: name and whether it has a default (a required one has none).</summary>
    public IReadOnlyDictionary<string, bool> Params =>
        ParamRegex().Matches(Code).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success, StringComparer.Ordinal);

    /// <summary>Declared outputs.</summary>
    public IReadOnlySet<string> Outputs =>
        OutputRegex().Matches(Code).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Modules: symbolic name, relative path, and the text of the whole declaration.</summary>
    public IReadOnlyList<(string Symbol, string Path, string Body)> Modules =>
        [.. ModuleRegex().Matches(Code).Select(m => (m.Groups["symbol"].Value, m.Groups["path"].Value, Block(Code, Code.IndexOf('{', m.Index))))];

    /// <summary>Resource declarations: symbolic name, type (without the API version), API version, whole declaration.</summary>
    public IReadOnlyList<(string Symbol, string Type, string ApiVersion, string Body)> Resources =>
        [.. ResourceRegex().Matches(Code).Select(m => (m.Groups["symbol"].Value, m.Groups["type"].Value, m.Groups["version"].Value, Declaration(Code, m.Index)))];

    /// <summary>The top-level entries of <c>var name = { ... }</c>: key and the value text on its line.</summary>
    public IReadOnlyList<(string Key, string Value)> VarObject(string name) => ObjectEntries(VarBlock(name, '{'));

    /// <summary>The string items of <c>var name = [ ... ]</c>.</summary>
    public IReadOnlyList<string> VarStringArray(string name) =>
        [.. StringItemRegex().Matches(StripComments(VarBlock(name, '['))).Select(m => m.Groups[1].Value)];

    /// <summary>The raw text of <c>var name = [ ... ]</c> or <c>{ ... }</c>.</summary>
    public string VarBlock(string name, char open)
    {
        var m = Regex.Match(Code, $@"(?m)^var {Regex.Escape(name)}\s*=\s*{Regex.Escape(open.ToString())}");
        Assert.True(m.Success, $"{Path}: no `var {name} = {open}`");
        return Block(Code, m.Index + m.Length - 1);
    }

    /// <summary>Entries at depth 1 of an object block (<c>{ key: value ... }</c>), one per line.</summary>
    public static IReadOnlyList<(string Key, string Value)> ObjectEntries(string block)
    {
        var entries = new List<(string, string)>();
        var depth = 0;
        var lineStart = true;
        for (var i = 0; i < block.Length; i++)
        {
            var c = block[i];
            if (c == '\'')
            {
                i = SkipString(block, i);
                lineStart = false;
                continue;
            }

            if (c == '/' && i + 1 < block.Length && block[i + 1] == '/')
            {
                i = block.IndexOf('\n', i) is var nl and >= 0 ? nl - 1 : block.Length;
                continue;
            }

            if (c == '\n')
            {
                lineStart = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (lineStart && depth == 1)
            {
                var end = block.IndexOf('\n', i);
                var line = block[i..(end < 0 ? block.Length : end)];
                var m = EntryRegex().Match(line);
                if (m.Success)
                {
                    entries.Add((m.Groups["key"].Value.Trim('\''), m.Groups["value"].Value.Trim()));
                }
            }

            lineStart = false;
            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth--;
            }
        }

        return entries;
    }

    /// <summary>The literal string of a value like <c>'abc'</c> (no interpolation), or null for an expression.</summary>
    public static string? Literal(string value)
    {
        var m = LiteralRegex().Match(value);
        return m.Success && !m.Groups[1].Value.Contains("${", StringComparison.Ordinal) ? m.Groups[1].Value.Replace("\\'", "'", StringComparison.Ordinal) : null;
    }

    /// <summary>A declaration from its keyword to the end of its body (<c>{...}</c>, or <c>[for ...]</c> for a loop).</summary>
    private static string Declaration(string text, int start)
    {
        var open = text.IndexOfAny(['{', '['], start);
        var block = Block(text, open);
        return text[start..(open + block.Length)];
    }

    /// <summary>From an opening bracket at <paramref name="open"/> to its match, inclusive.</summary>
    public static string Block(string text, int open)
    {
        Assert.True(open >= 0, "no opening bracket");
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                i = SkipString(text, i);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i) is var nl and >= 0 ? nl : text.Length;
            }
            else if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')' && --depth == 0)
            {
                return text[open..(i + 1)];
            }
        }

        throw new InvalidOperationException("unbalanced brackets from offset " + open);
    }

    private static int SkipString(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '\'')
            {
                return i;
            }
        }

        return text.Length;
    }

    private static string StripComments(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                var end = SkipString(text, i);
                result.Append(text, i, Math.Min(end + 1, text.Length) - i);
                i = end;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var nl = text.IndexOf('\n', i);
                i = nl < 0 ? text.Length : nl - 1;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"(?m)^param (?<name>\w+) [\w.]+(?:\[\])?(?<default>[ \t]*=)?")]
    private static partial Regex ParamRegex();

    [GeneratedRegex(@"(?m)^output (?<name>\w+) ")]
    private static partial Regex OutputRegex();

    [GeneratedRegex(@"(?m)^module (?<symbol>\w+) '(?<path>[^']+)' =")]
    private static partial Regex ModuleRegex();

    [GeneratedRegex(@"(?m)^resource (?<symbol>\w+) '(?<type>[^'@]+)@(?<version>[^']+)'(?: existing)? =")]
    private static partial Regex ResourceRegex();

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*|'[^']+')\s*:\s*(?<value>.*)$")]
    private static partial Regex EntryRegex();

    [GeneratedRegex(@"^'((?:[^'\\]|\\.)*)'$")]
    private static partial Regex LiteralRegex();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex StringItemRegex();
}

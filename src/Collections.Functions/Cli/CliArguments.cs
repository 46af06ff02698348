using System.Diagnostics.CodeAnalysis;

namespace Collections.Functions.Cli;

/// <summary>
/// A small argument parser: positionals, <c>--name value</c>, <c>--name=value</c> and boolean flags.
/// Verbs declare which options take a value and which are flags; anything else is a usage error.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public List<string> Positionals { get; } = [];

    public static bool TryParse(
        IEnumerable<string> args,
        IReadOnlySet<string> valueOptions,
        IReadOnlySet<string> flagOptions,
        [NotNullWhen(true)] out CliArguments? parsed,
        [NotNullWhen(false)] out string? error,
        IReadOnlySet<string>? repeatableOptions = null)
    {
        parsed = new CliArguments();
        error = null;
        using var e = args.GetEnumerator();
        var onlyPositionals = false;
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (onlyPositionals || !arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                if (string.Equals(arg, "--", StringComparison.Ordinal) && !onlyPositionals)
                {
                    onlyPositionals = true;
                    continue;
                }

                parsed.Positionals.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            if (flagOptions.Contains(name))
            {
                if (eq > 0)
                {
                    error = $"--{name} takes no value";
                    break;
                }

                parsed._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                string value;
                if (eq > 0)
                {
                    value = arg[(eq + 1)..];
                }
                else if (e.MoveNext())
                {
                    value = e.Current;
                }
                else
                {
                    error = $"--{name} needs a value";
                    break;
                }

                if (repeatableOptions?.Contains(name) == true)
                {
                    if (!parsed._repeated.TryGetValue(name, out var list))
                    {
                        parsed._repeated[name] = list = [];
                    }

                    list.Add(value);
                }
                else if (!parsed._values.TryAdd(name, value))
                {
                    error = $"--{name} is given twice";
                    break;
                }
            }
            else
            {
                error = $"unknown option --{name}";
                break;
            }
        }

        if (error is not null)
        {
            parsed = null;
            return false;
        }

        return true;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    public IReadOnlyList<string> Values(string name) => _repeated.TryGetValue(name, out var list) ? list : [];
}

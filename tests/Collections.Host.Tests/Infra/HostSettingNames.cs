using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Collections.Host.Hosting;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Infra;

/// <summary>
/// Every setting the host reads, as an app-setting name (<c>Section__Key</c>), derived from the sources so that a new
/// setting cannot be forgotten by infra: the Values of <c>local.settings.sample.json</c>, the keys HostSettings.cs and
/// HostConfiguration.cs read by name, and the settable properties of every options class HostSettings binds a section to.
/// </summary>
internal static partial class HostSettingNames
{
    private const string HostingFolder = "src/Collections.Operations/Hosting/";

    public static IReadOnlySet<string> FromSample()
    {
        using var doc = JsonDocument.Parse(RepositoryFiles.Read("local.settings.sample.json"));
        // The sample's demo creditors (uk01, cn01, us01) are entries of the Notices:Creditors dictionary, data rather than
        // setting names; infra sets the 'default' entry, which stays in the comparison.
        return doc.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name)
            .Where(n => !n.StartsWith("Notices__Creditors__", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Notices__Creditors__default__", StringComparison.OrdinalIgnoreCase))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Keys the host reads by name anywhere in its sources: <c>Get("Section:Key")</c>, <c>config["Key"]</c>, <c>Configuration["Key"]</c>.</summary>
    public static IReadOnlySet<string> ReadByName()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in HostSourceFiles())
        {
            var code = File.ReadAllText(file);
            foreach (Match m in GetCallRegex().Matches(code).Concat(IndexerRegex().Matches(code)))
            {
                keys.Add(ToAppSetting(m.Groups["key"].Value));
            }
        }

        return keys;
    }

    /// <summary>
    /// The host's sources: src/Collections.Host without the CLI (a separate entry point) and the shared composition
    /// it runs (src/Collections.Operations), without build output.
    /// </summary>
    private static IEnumerable<string> HostSourceFiles()
    {
        var sep = Path.DirectorySeparatorChar;
        var files = new[] { "src/Collections.Host", "src/Collections.Operations" }
            .SelectMany(root => Directory.EnumerateFiles(RepositoryFiles.PathOf(root), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{sep}Cli{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("HostSettings.cs", StringComparison.Ordinal));
        return files;
    }

    /// <summary>Keys bound through <c>config.GetSection("X").Bind(variable)</c>, one per settable property (nested too).</summary>
    public static IReadOnlySet<string> Bound()
    {
        var code = RepositoryFiles.Read(HostingFolder + "HostSettings.cs");
        var variableTypes = NewVariableRegex().Matches(code).ToDictionary(m => m.Groups["var"].Value, m => m.Groups["type"].Value, StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var binds = BindRegex().Matches(code);
        Assert.NotEmpty(binds);
        foreach (Match bind in binds)
        {
            var variable = bind.Groups["var"].Value;
            Assert.True(variableTypes.TryGetValue(variable, out var typeName), $"HostSettings.cs binds '{variable}' but its type could not be found (expected `var {variable} = new Type();`)");
            AddProperties(FindType(typeName!), ToAppSetting(bind.Groups["section"].Value), keys);
        }

        return keys;
    }

    /// <summary>Everything the host reads.</summary>
    public static IReadOnlySet<string> All()
    {
        var all = new HashSet<string>(FromSample(), StringComparer.OrdinalIgnoreCase);
        all.UnionWith(ReadByName());
        all.UnionWith(Bound());
        return all;
    }

    public static string ToAppSetting(string configurationPath) => configurationPath.Replace(":", "__", StringComparison.Ordinal);

    private static void AddProperties(Type type, string prefix, HashSet<string> keys)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // ClientOptions' own members (Retry, Diagnostics, Transport...) and the injected clock are code, not settings.
            if (p.SetMethod is not { IsPublic: true } || p.DeclaringType == typeof(ClientOptions) || p.PropertyType == typeof(TimeProvider))
            {
                continue;
            }

            var key = prefix + "__" + p.Name;
            if (p.PropertyType.IsClass && p.PropertyType != typeof(string) && p.PropertyType.Namespace?.StartsWith("Collections.", StringComparison.Ordinal) == true)
            {
                AddProperties(p.PropertyType, key, keys);
            }
            else
            {
                keys.Add(key);
            }
        }
    }

    private static Type FindType(string simpleName)
    {
        var host = typeof(HostSettings).Assembly;
        var candidates = host.GetReferencedAssemblies()
            .Where(a => a.Name?.StartsWith("Collections.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .Append(host)
            .SelectMany(a => a.GetTypes())
            .Where(t => string.Equals(t.Name, simpleName, StringComparison.Ordinal))
            .ToList();
        return Assert.Single(candidates);
    }

    [GeneratedRegex(@"\bGet\(""(?<key>[A-Za-z0-9_:]+)""\)")]
    private static partial Regex GetCallRegex();

    [GeneratedRegex(@"(?:config|Configuration)\[""(?<key>[A-Za-z0-9_:]+)""\]")]
    private static partial Regex IndexerRegex();

    [GeneratedRegex(@"var (?<var>\w+) = new (?<type>\w+)\(\);")]
    private static partial Regex NewVariableRegex();

    [GeneratedRegex(@"GetSection\(""(?<section>[A-Za-z0-9_:]+)""\)\.Bind\((?<var>\w+)\)")]
    private static partial Regex BindRegex();
}

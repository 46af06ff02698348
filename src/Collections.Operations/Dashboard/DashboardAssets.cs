using System.Collections.Frozen;
using System.Reflection;

namespace Collections.Operations.Dashboard;

/// <summary>The dashboard's files, embedded in the assembly (chart.js comes from the pinned npm package at build time).</summary>
internal static class DashboardAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, (byte[] Content, string ContentType)>> Files = new(Load);

    /// <summary>An asset by file name (e.g. <c>app.js</c>), or null.</summary>
    public static (byte[] Content, string ContentType)? Get(string name) =>
        Files.Value.TryGetValue(name, out var file) ? file : null;

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Dashboard/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource["Dashboard/".Length..];
            files[name] = (buffer.ToArray(), ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"));
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

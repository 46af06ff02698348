using System.Collections.Frozen;
using Microsoft.AspNetCore.StaticFiles;

namespace Collections.Functions.Dashboard;

/// <summary>
/// The dashboard's static files, embedded in this assembly from the same sources as the local host's (its wwwroot and
/// chart.js from the pinned npm package), and the same path rules: <c>/</c>, <c>/cases/{id}</c> and <c>/files/{id}</c>
/// answer the shell, <c>/dashboard/{file}</c> an asset.
/// </summary>
internal static class DashboardFiles
{
    private const string Prefix = "Dashboard/";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    /// <summary>The file names embedded (<c>index.html</c>, <c>app.js</c>...).</summary>
    public static IEnumerable<string> Names => Files.Value.Keys;

    /// <summary>The asset a request path serves, or null when the path is not the dashboard's.</summary>
    public static string? Resolve(string path)
    {
        if (path is "" or "/" or "/index.html")
        {
            return "index.html";
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["cases" or "files", _] => "index.html",
            ["dashboard", var file] when !file.Contains("..", StringComparison.Ordinal) => file,
            _ => null,
        };
    }

    /// <summary>A file's bytes and content type (text types in UTF-8), or null.</summary>
    public static (byte[] Content, string ContentType)? Get(string name)
    {
        if (!Files.Value.TryGetValue(name, out var content))
        {
            return null;
        }

        var type = ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
        return (content, type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(DashboardFiles).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[resource[Prefix.Length..]] = buffer.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
